"""Written answers a person grades, end to end, as a course team works: `nnkit grade` autogrades the class and
leaves the answers waiting; an instructor grades one in nbgrader's formgrader (a real Jupyter server, driven in
headless Chromium: tests/formgrader.py); the next `nnkit grade` regrades nothing and shows that score and comment in
the class report and in the student's feedback page, and `nbgrader export` includes it.

The class: ada filled her functions and wrote her answers; bob handed in the release untouched; mallory wrote markup
and a script as an answer. The course runs once with its gradebook in SQLite (the default) and once on a private
PostgreSQL server (tests/postgres.py), as a team keeps it.
"""
import contextlib
import copy
import csv
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import formgrader
import postgres
from browser import launched
from nnkit import accuracy, release
from nnkit.course import Course
from nnkit.grading import grades, submit
from nnkit.pages import report

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
GRADED = "why_symmetry_persists"  # the answer of ada's a grader scores
COMMENT = "The argument is right, but cite what your cells printed: how far W1 moved, how far apart its rows ended."
SCRIPT = "<script>document.title = 'pwned'</script><img src=x onerror=\"window.pwned = 1\"> <b>bold</b>"


def answered(nb, text):
    """A copy of `nb` with every written answer's stub replaced by `text`, as a student types over it."""
    nb = copy.deepcopy(nb)
    cells = [cell for cell in nb.cells
             if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("grade")]
    assert cells and all("YOUR ANSWER HERE" in cell.source for cell in cells), "premise: the release's answer stubs"
    for cell in cells:
        cell.source = cell.source.replace("YOUR ANSWER HERE", text)
    return nb


def nnkit_grade(scratch, *options):
    run = subprocess.run([BIN / "nnkit", "--course", scratch.root, "grade", *options], capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run.stdout


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def graded_by_hand(request, course, tmp_path_factory):
    """The class graded by `nnkit grade`, then ada's and mallory's first answers graded in formgrader, then `nnkit
    grade` run again: what each step showed."""
    scratch = release.generate(course, tmp_path_factory.mktemp(f"written_{request.param}"))
    with contextlib.ExitStack() as stack:
        if request.param == "postgresql":
            url = stack.enter_context(postgres.server())
            with open(scratch.root / "nbgrader_config.py", "a") as config:
                config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
            subprocess.run([BIN / "nbgrader", "generate_assignment", scratch.assignment, "--force"], cwd=scratch.root,
                           check=True, capture_output=True)
            scratch = Course(scratch.root, scratch.assignment)
            assert scratch.gradebook is None, "premise: the gradebook is the server's"
        solved = accuracy.solved_release(course, scratch)
        submit(scratch, "ada", answered(solved, "Equal rows get equal gradients, so they stay equal."))
        submit(scratch, "bob", solved)
        submit(scratch, "mallory", answered(solved, SCRIPT))
        first = nnkit_grade(scratch, "--feedback")
        before = {student: grades(scratch, student) for student in ("ada", "bob", "mallory")}
        first_report = (report.folder(scratch) / "index.html").read_text()
        with formgrader.serving(scratch.root) as base_url, launched() as chromium:
            page = chromium.new_page()
            formgrader.grade_answer(page, base_url, scratch.assignment, "mallory", GRADED, 0, "Markup is no answer.")
            in_formgrader = page.evaluate("() => ({pwned: window.pwned, title: document.title, "
                                          "shown: document.body.innerText.includes(\"<script>document.title\")})")
            formgrader.grade_answer(page, base_url, scratch.assignment, "ada", GRADED, 1, COMMENT)
        second = nnkit_grade(scratch, "--feedback")
        export = subprocess.run([BIN / "nbgrader", "export"], cwd=scratch.root, capture_output=True, text=True)
        assert export.returncode == 0, export.stderr[-2000:]
        with open(scratch.root / "grades.csv") as exported:
            rows = {row["student_id"]: row for row in csv.DictReader(exported)}
        yield SimpleNamespace(course=scratch, first=first, second=second, before=before, first_report=first_report,
                              after={student: grades(scratch, student) for student in ("ada", "bob", "mallory")},
                              in_formgrader=in_formgrader, exported=rows)


def feedback_page(scratch, student):
    return (scratch.feedback(student) / f"{scratch.assignment}.html").read_text()


def test_autograding_leaves_written_answers_waiting_and_the_report_sends_a_grader_to_them(graded_by_hand):
    # fails if an answer a student wrote is scored by the autograder (or an untouched one waits for a grader), the run
    # does not count the answers waiting, or the report does not list whose wait, with a link to formgrader
    run = graded_by_hand
    ada, bob = run.before["ada"], run.before["bob"]
    assert len(ada.waiting) == 3 and ada.failed == [] and bob.waiting == {}
    assert all(answer.score == 0 for answer in bob.answers.values())
    assert "to grade by hand          6   written answers of 2 students" in run.first, run.first
    assert "Written answers to grade by hand (6)" in run.first_report
    assert f"/formgrader/manage_students/ada/{run.course.assignment}" in run.first_report
    assert 'data-student="bob"' not in run.first_report.split('id="written"')[1].split("</section>")[0]


def test_a_score_and_comment_saved_in_formgrader_count_everywhere_without_regrading(graded_by_hand):
    # fails if the next `nnkit grade` regrades a submission after hand grading (the manual score could be lost or the
    # work doubled), or ada's score and comment do not reach her grades, the report, her feedback page or the export
    run = graded_by_hand
    scratch, ada = run.course, run.after["ada"]
    assert "0 to grade, 3 up to date" in run.second, run.second
    assert ada.answers[GRADED].score == 1 and ada.answers[GRADED].comment == COMMENT
    assert ada.answers[GRADED].by_a_grader and GRADED not in ada.waiting
    assert ada.score == run.before["ada"].score + 1
    assert "Feedback generated for 2 students in feedback/ (1 already current)." in run.second, run.second
    page = " ".join(feedback_page(scratch, "ada").split())
    opening = page[page.index('id="what-to-fix"'):page.index('id="cells"')]
    assert f"Your grader wrote: {COMMENT}" in opening and "Question 1: why do they stay equal?" in opening
    assert "2 written answers wait for a grader" in opening
    assert float(run.exported["ada"]["raw_score"]) == ada.score
    report_page = (report.folder(scratch) / "index.html").read_text()
    assert "Written answers to grade by hand (4)" in report_page


def test_markup_in_an_answer_is_text_in_formgrader_the_report_and_the_feedback_page(graded_by_hand):
    # fails if the kit's MarkupAsText step is left out of autograde (formgrader would render mallory's answer live:
    # her script runs in the grader's browser, logged in) or out of the feedback, or the report prints it unescaped
    run = graded_by_hand
    assert run.in_formgrader == {"pwned": None, "title": run.in_formgrader["title"], "shown": True}
    assert "pwned" not in run.in_formgrader["title"]
    page = feedback_page(run.course, "mallory")
    assert "&lt;script&gt;document.title" in page and "<script>document.title" not in page
    assert "<script>" not in (report.folder(run.course) / "index.html").read_text()
