"""The class report and the feedback page's opening, built from made-up results (no kernel, no browser).

tests/test_pages_in_browser.py renders both for a really graded class; here each rule is held on its own.
"""
import base64
import copy
import html.parser

import nbformat
import pytest
from nbgrader.converters import GenerateFeedback

from nnkit.verdict.findings import Reason
from nnkit.pages import feedback, report
from nnkit.scaleout.batch import Outcome, Run
from nnkit.grading import Answer, Grades
from nnkit.steps.markup_as_text import MarkupAsText
from nnkit.steps.show_points import what_it_asks, what_it_checks
from nnkit.submissions import grade_cells

TAMPERED = "tampering detected: the grader's exchange with the kernel failed (ValueError)"
SCRIPT = "<script>alert('graded')</script>"
MISTAKE = "W1 and W2 start at zero"


@pytest.fixture
def most(source_nb):
    """grade_id -> points, in notebook order."""
    return {cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader["points"] for cell in grade_cells(source_nb)}


@pytest.fixture
def asked(source_nb):
    """grade_id -> points of each written answer (a markdown grade cell), in notebook order."""
    found = {cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader["points"] for cell in source_nb.cells
             if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("grade")}
    assert found, "premise: the notebook has written answers"
    return found


@pytest.fixture
def graded(most, asked):
    """A function: the Outcome of a graded student who lost the test cells given ({grade_id: reason}); their written
    answers as given ({grade_id: Answer}), else each scored full marks."""
    def make(student, lost=(), flags=(), answers=None):
        lost = dict(lost)
        cells = {grade_id: (0 if grade_id in lost else points, points) for grade_id, points in most.items()}
        reasons = {grade_id: Reason.parse(text) for grade_id, text in lost.items()}
        if answers is None:
            answers = {grade_id: Answer(points, points) for grade_id, points in asked.items()}
        return Outcome(student, Grades(student, cells, answers=answers), reasons=reasons, flags=list(flags),
                       now=True, seconds=3.0)
    return make


@pytest.fixture
def written(course, tmp_path):
    """A function: write the report of outcomes in a scratch course; (course, page path, page text)."""
    scratch = course.scratch_copy(tmp_path / "course")

    def write(outcomes):
        path = report.write(scratch, Run(outcomes, seconds=12.0, where="2 local worker processes"))
        return scratch, path, path.read_text()
    return write


def zeros(grade_id="init_weights_random"):
    return {grade_id: f"test failed: W1 is the same under every seed.\n  Likely mistake: {MISTAKE}"}


def test_the_page_embeds_its_figures_and_loads_nothing(written, graded):
    # fails if a figure is linked as the PNG file beside the page (or differs from it), or the page loads a script,
    # stylesheet or font from elsewhere: it must open offline, anywhere
    scratch, path, page = written([graded("ann"), graded("bob", zeros())])
    found = _Attributes()
    found.feed(page)
    assert len(found.images) == 2 and all(src.startswith("data:image/png;base64,") for src in found.images)
    embedded = {base64.b64decode(src.split(",", 1)[1]) for src in found.images}
    assert embedded == {(path.parent / name).read_bytes() for name in ("scores.png", "cells.png")}
    assert [link for link in found.links if "://" in link or link.startswith("/")] == []
    assert found.loads == []  # no script, stylesheet or font from anywhere


def test_cells_are_ranked_worst_first_and_a_mistake_counts_once_per_student(course, graded, most, source_nb):
    # fails if rows are not sorted by pass rate (ties out of notebook order), lose what they check, or a mistake one
    # student's reason names twice is counted twice
    twice = {"init_weights_random": zeros()["init_weights_random"] + f"\nW2 too.\n  Likely mistake: {MISTAKE}"}
    outcomes = [graded("ann"), graded("bob", twice), graded("cy", zeros()),
                graded("dee", {"init_weights_random": "test failed: x", "cost_value": "test failed: y"})]
    rows = report.pass_rates(course, outcomes)
    assert [row["grade_id"] for row in rows[:2]] == ["init_weights_random", "cost_value"]
    assert [row["rate"] for row in rows[:2]] == [0.25, 0.75] and {row["rate"] for row in rows[2:]} == {1.0}
    assert rows[0]["mistake"] == (MISTAKE, 2)
    labels = {cell.metadata.nbgrader["grade_id"]: what_it_checks(cell) if cell.cell_type == "code" else
              what_it_asks(source_nb.cells, index) for index, cell in enumerate(source_nb.cells)
              if cell.metadata.get("nbgrader", {}).get("grade")}
    assert all(row["checks"] == labels[row["grade_id"]] and row["checks"] for row in rows)
    assert [row["grade_id"] for row in rows[2:]] == [grade_id for grade_id in labels if grade_id not in
                                                    ("init_weights_random", "cost_value")]  # ties keep their order


def test_a_written_answer_counts_once_a_grader_scored_it_and_its_question_names_it(course, graded, asked, source_nb):
    # fails if an answer waiting for a grader counts as failed (its rate 0), the waiting are not counted, or the row
    # does not say what the answer is asked (its question's heading)
    first, *others = asked
    outcomes = [graded("ann"), graded("bob", answers={first: Answer(None, asked[first])}),
                graded("cy", answers={first: Answer(0.5, asked[first], "Half the argument.", by_a_grader=True)})]
    row = next(row for row in report.pass_rates(course, outcomes) if row["grade_id"] == first)
    assert (row["passed"], row["graded"], row["waiting"], row["rate"]) == (1, 2, 1, 0.5)
    assert row["checks"] == "Question 1: why do they stay equal?"


def test_the_written_answers_waiting_are_counted_by_student_with_a_link_to_formgrader(written, graded, asked):
    # fails if a student with nothing waiting is listed, an answer is counted twice, a student's id goes into the
    # formgrader link unquoted, or the course's c.ClassReport.formgrader_url is not followed
    first, second, *_ = asked
    waiting = {first: Answer(None, asked[first]), second: Answer(None, asked[second])}
    scratch, path, page = written([graded("ann"), graded("o'neil #2", answers=waiting)])
    assert 'Written answers to grade by hand (2)' in page
    assert f"http://localhost:8888/formgrader/manage_students/o%27neil%20%232/{scratch.assignment}" in page
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write("\nc.ClassReport.formgrader_url = 'https://hub.example.edu/user/ta/formgrader/'\n")
    found = report.to_grade_by_hand(type(scratch)(scratch.root, scratch.assignment),
                                    [graded("ann"), graded("bob", answers=waiting)])
    assert found["answers"] == 2 and [row["student"] for row in found["students"]] == ["bob"]
    assert found["students"][0]["points"] == asked[first] + asked[second]
    assert found["link"] == ("https://hub.example.edu/user/ta/formgrader/gradebook/"
                             f"{scratch.assignment}/{scratch.assignment}")


def test_a_person_is_asked_to_look_at_stops_tampering_flags_and_the_ungraded_only(course, graded, most):
    # fails if a plain failed test (bob) is sent to a person, a stop is listed once per cell or again as its flag, or
    # tampering put right is shown as a generic flag
    stopped = {grade_id: "timed out: cell 9 ran longer than 60 s" for grade_id in list(most)[5:]}
    outcomes = [graded("ann"), graded("bob", zeros()),
                graded("cy", stopped, flags=["timed out: cell 9 ran longer than 60 s"]),
                graded("dee", {"cost_value": TAMPERED}), graded("eve", flags=["tampering put right: x"]),
                Outcome("fay", problem="unreadable: not JSON")]
    rows = {row["student"]: row["reasons"] for row in report.needs_a_look(course, outcomes)}
    assert list(rows) == ["cy", "dee", "eve", "fay"]
    assert rows["cy"] == [("timed out", f"cell 9 ran longer than 60 s ({list(most)[5]} and "
                                        f"{len(stopped) - 1} more cells)")]  # its flag is the same stop: once
    assert rows["dee"] == [("tampering detected", "the grader's exchange with the kernel failed (ValueError) "
                                                  "(cost_value)")]
    assert rows["eve"] == [("tampering put right", "x")]
    assert rows["fay"] == [("not graded", "unreadable: not JSON")]


def test_text_a_submission_wrote_is_shown_as_text(written, graded):
    # fails if the report's template stops autoescaping (or marks a flag safe): a submission's markup would run in the
    # instructor's browser
    _, _, page = written([graded("ann", flags=[f"cell 3: {SCRIPT}"]), graded("bob", {"cost_value": TAMPERED})])
    assert "<script" not in page and "&lt;script&gt;" in page


def test_links_lead_from_the_report_to_the_students_files_whatever_their_names(written, graded):
    # fails if a student's id goes into the link unquoted (its ' or # cuts it short), the link is absolute, or it
    # points at files that do not exist (the feedback page, the submission)
    scratch, path, _ = written([graded("o'neil #2", flags=["tampering put right: x"])])
    notebook = scratch.autograded("o'neil #2") / f"{scratch.assignment}.ipynb"
    notebook.parent.mkdir(parents=True)
    notebook.write_text("{}")
    _, path, page = written([graded("o'neil #2", flags=["tampering put right: x"])])
    found = _Attributes()
    found.feed(page)
    assert found.links == [f"../../autograded/o%27neil%20%232/{scratch.assignment}/{scratch.assignment}.ipynb"]


def test_summary_numbers_and_timing(graded, most, asked):
    # fails if a submission not graded counts in the scores (lowest 0) or in the time per submission (4.0 s, not 6.0)
    result = Run([graded("ann"), graded("bob", zeros()), Outcome("cy", problem="missing")], seconds=12.0)
    numbers = report.numbers(result)
    assert (numbers["submissions"], numbers["graded"], numbers["not graded"], numbers["full marks"]) == (3, 2, 1, 1)
    top = sum(most.values()) + sum(asked.values())
    assert (numbers["highest"], numbers["lowest"], numbers["mean"]) == (top, top - 2, top - 1)
    timing = report.timing(result)
    assert (timing["graded now"], timing["per submission"], timing["mean execution"]) == (2, 6.0, 3.0)


# The feedback page's opening (nnkit.pages.feedback).

@pytest.mark.parametrize("reason, message, likely", [
    ("test failed: dW1 is off.\n  Likely mistake: the 1/m is missing", "dW1 is off.", ["the 1/m is missing"]),
    ("test failed: a.\n  Likely mistake: m1\nb.\n  Likely mistake: m2", "a.\nb.", ["m1", "m2"]),
    ("test failed: predict raised NotImplementedError: ",
     "predict is not written yet: it still raises NotImplementedError.", []),
    ("timed out: cell 9 ran longer than 60 s", "Ran out of time: cell 9 ran longer than 60 s", []),
    ("AssertionError: stock nbgrader's message", "AssertionError: stock nbgrader's message", []),
])
def test_a_reason_in_plain_words(reason, message, likely):
    # fails if the likely mistakes stay in the message, a stub's NotImplementedError is shown raw, or nbgrader's own
    # error text is taken for one of the kit's kinds
    assert feedback.in_plain_words(reason) == (message, likely)


def test_the_page_opens_with_each_lost_point_by_the_gradebooks_scores(autograded):
    # fails if the page takes lost points from the kit's record rather than the gradebook's scores (cost_value, given
    # back by hand, would be listed), or drops the likely mistake or the notes
    nb, resources = feedback.WhatToFix().preprocess(*autograded)
    page = resources["nnkit"]
    assert [item.grade_id for item in page["lost"]] == ["init_weights_random"]  # cost_value: regraded by hand
    assert page["lost"][0].likely == [MISTAKE] and page["lost"][0].checks.startswith("initialize_parameters:")
    assert page["notes"] == [f"cell 3: {SCRIPT}"]
    assert [cell["passed"] for cell in page["cells"]].count(False) == 1


def test_hidden_tests_are_cleared_from_test_cells_and_nothing_else(autograded, source_nb):
    # fails if hidden tests stay in the test cells, or marker text in a student's own cell cuts it (or stops the page
    # with nbgrader's "no end hidden tests" error)
    nb, _ = autograded
    restored = {cell.metadata.nbgrader["grade_id"]: cell.source for cell in grade_cells(source_nb)}
    for cell in grade_cells(nb):  # as autograde's OverwriteCells leaves them: the gradebook's source, hidden tests in
        cell.source = restored[cell.metadata.nbgrader["grade_id"]]
    assert all("### BEGIN HIDDEN TESTS" in cell.source for cell in grade_cells(nb))
    student_cell = nbformat.v4.new_code_cell("# ### BEGIN HIDDEN TESTS, as I typed it\nx = 1")
    nb.cells.append(student_cell)
    nb, _ = feedback.ClearHiddenTestsOfGradeCells().preprocess(nb, {})
    assert not [cell for cell in grade_cells(nb) if "HIDDEN" in cell.source or "nnkit.checking" in cell.source]
    assert nb.cells[-1].source == student_cell.source


def rendered(course, nb, resources):
    """The feedback page's HTML, by the exporter and steps nbgrader's GenerateFeedback runs with the course's config;
    GetGrades and ReadAnswers, which read the gradebook, are left out: `nb` and `resources` hold what they would."""
    app = GenerateFeedback(coursedir=course.api.coursedir, config=course.api.config)
    exporter = feedback.FeedbackExporter(config=app.config)
    for step in (feedback.WhatToFix, MarkupAsText):
        exporter.register_preprocessor(step, enabled=True)
    return exporter.from_notebook_node(nb, resources)[0]


def test_the_page_escapes_what_a_submission_wrote(course, autograded):
    # fails if the feedback template prints a note or a message unescaped (a submission's script would run in the
    # student's browser), or leaves the likely mistake out of the opening
    page = rendered(course, *autograded)
    opening = page[page.index('id="what-to-fix"'):page.index('id="cells"')]
    assert "Likely mistake: " + MISTAKE in opening
    assert "<script" not in opening and "&lt;script&gt;" in opening


def test_a_graders_comment_is_what_to_fix_for_a_written_answer_and_an_answer_waiting_is_not(course, autograded,
                                                                                            asked):
    # fails if a grader's comment is not shown where the answer lost points, markup in it or in a student's text is
    # rendered live (MarkupAsText left out), an answer left blank is not told as such, an answer still waiting for
    # a grader is listed as lost or not named on a line of its own, or the page does not record the marks it was made
    # with where made_with reads them
    nb, resources = autograded
    commented, blank, waiting = asked
    resources["answers"] = {commented: Answer(1, asked[commented], f"Cite the numbers. {SCRIPT}", by_a_grader=True),
                            blank: Answer(0, asked[blank], feedback.NO_RESPONSE),
                            waiting: Answer(None, asked[waiting])}
    for cell in nb.cells:  # as GetGrades leaves them: nbgrader's score (0 while waiting) and comment
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade_id") in resources["answers"]:
            answer = resources["answers"][meta["grade_id"]]
            meta["score"], meta["comment"] = answer.score or 0, answer.comment
    _, resources = feedback.WhatToFix().preprocess(nb, resources)
    lost = {item.grade_id: item for item in resources["nnkit"]["lost"]}
    assert set(lost) == {"init_weights_random", commented, blank}  # cost_value: given its points back by hand
    assert lost[commented].message == f"Your grader wrote: Cite the numbers. {SCRIPT}"
    assert lost[commented].checks == "Question 1: why do they stay equal?" and lost[commented].score == 1
    assert "YOUR ANSWER HERE" in lost[blank].message
    assert resources["nnkit"]["waiting"] == ["Question 3: why may the biases start at zero?"]
    nb.cells[-1].source += f"\n\nMy answer: {SCRIPT}, and l < L."  # a student's text cell
    page = rendered(course, nb, resources)
    opening = page[page.index('id="what-to-fix"'):page.index('id="cells"')]
    assert "My answer: &lt;script&gt;" in page and "l &lt; L" in page
    assert "Your grader wrote: Cite the numbers. &lt;script&gt;" in opening and "<script>alert" not in page
    assert "1 written answer waits for a grader" in " ".join(opening.split())
    assert "<li>Question 3: why may the biases start at zero?</li>" in opening  # one a line: no "?;" or "?."
    assert feedback.made_with(page) == "made_with"


@pytest.fixture
def autograded(solved_nb):
    """The solution as GetGrades leaves it for the feedback page: init_weights_random lost with its recorded reason,
    cost_value lost by the kit and given its points back by a grader; and a note with markup in it."""
    nb = copy.deepcopy(solved_nb)
    recorded = {}
    for cell in nb.cells:  # GetGrades scores every grade cell, test cells and written answers alike
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            meta["score"] = 0 if meta["grade_id"] == "init_weights_random" else meta["points"]
            recorded[meta["grade_id"]] = {"passed": True, "reason": None}
    recorded["init_weights_random"] = {"passed": False, "reason": zeros()["init_weights_random"]}
    recorded["cost_value"] = {"passed": False, "reason": "test failed: J is 0.7; expected 0.29."}
    nb.metadata["nnkit"] = {"cells": recorded, "flags": [f"cell 3: {SCRIPT}"]}
    resources = {"nbgrader": {"notebook": "shallow_nn", "score": 23, "max_score": 25, "late_penalty": 0},
                 "answers": {}, "marks": "made_with"}
    return nb, resources


class _Attributes(html.parser.HTMLParser):
    """What a page points at: its images' sources, its links, and anything else it would load."""

    def __init__(self):
        super().__init__()
        self.images, self.links, self.loads = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs["src"])
        elif tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        elif tag in ("script", "link", "iframe", "object", "embed") or "url(" in attrs.get("style", ""):
            self.loads.append(tag)


def test_a_reason_is_read_back_as_the_grading_step_wrote_it():
    # fails if the text a grading step writes and the type its readers (summary, report, feedback) parse drift apart
    text = ("test failed: dW1 is off\n  Likely mistake: the 1/m is missing\ndb1 is off\n"
            "  Likely mistake: the 1/m is missing\n  Likely mistake: the axis")
    reason = Reason.parse(text)
    assert str(reason) == text and reason.error_name == "CheckFailed"
    assert reason.message == "dW1 is off\ndb1 is off" and reason.likely == ("the 1/m is missing", "the axis")
    assert Reason.parse("ZeroDivisionError: nbgrader's own text") == Reason("test failed",
                                                                             "ZeroDivisionError: nbgrader's own text")
