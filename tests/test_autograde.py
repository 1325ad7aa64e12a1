"""End to end with nbgrader's own autograde, in a scratch copy of the course.

Every catalog case, the solution, the unfilled release and a careless student are
autograded once, in parallel, as `nnkit accuracy` and `nnkit grade` do. The solution earns full marks,
the blank release zero, every right variant full marks; every mistake loses points on
exactly the cells the catalog names, and the feedback tells the student its likely cause.
"""
import copy
import csv
import html
import subprocess
import sys
from pathlib import Path

import pytest

from nnkit import accuracy, release
from nnkit.scaleout import batch
from nnkit.verdict import findings
from nnkit.cli import main
from nnkit.course import Course
from nnkit.submissions import fill, nbgrader_meta

pytestmark = pytest.mark.slow
DELETED = "init_weights_random"
NBGRADER = str(Path(sys.executable).parent / "nbgrader")


@pytest.fixture(scope="module")
def scratch(course, tmp_path_factory):
    """A scratch copy of the course with its release generated."""
    return release.generate(course, tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def graded(course, scratch, release_nb, cases):
    """Every catalog case, the solution, the blank release and a careless student, autograded: grades by student."""
    solved = accuracy.solved_release(course, scratch)
    careless = copy.deepcopy(solved)  # right answers, but a test cell deleted
    careless.cells = [cell for cell in careless.cells if nbgrader_meta(cell).get("grade_id") != DELETED]
    submissions = {"solution": solved, "blank": release_nb, "careless": careless}
    submissions.update({case.student: fill(solved, case.program, case.name) for case in cases})
    return dict(zip(submissions, batch.grade_submissions(scratch, submissions)))


@pytest.fixture(scope="module")
def verdicts(graded, cases):
    return {case.name: accuracy.Verdict(case, graded[case.student]) for case in cases}


def test_the_solution_earns_full_marks(graded):
    # fails if a hidden check is stricter than the solution (a tolerance, a fixed random draw) or the sandbox
    # computes differently enough to fail it, or if no grade cell reaches the gradebook
    solution = graded["solution"]
    assert solution.failed == [] and solution.score == sum(most for _, most in solution.cells.values()) > 0


def test_a_written_answer_left_as_released_scores_zero_with_no_grader_needed(graded, source_nb):
    # fails if the release's answer stub is changed after nbgrader's checksum (every blank answer would wait for a
    # grader), or a written answer is dropped from the grades
    asked = [cell.metadata.nbgrader["grade_id"] for cell in source_nb.cells
             if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("grade")]
    solution = graded["solution"]  # its functions filled, its answers as released
    assert asked and list(solution.answers) == asked
    assert all(answer.score == 0 and answer.comment == "No response." for answer in solution.answers.values())
    assert solution.waiting == {}


def test_a_deleted_test_cell_is_put_back_and_graded(graded):
    # fails if the kit's OverwriteCells stops restoring a deleted test cell (add_missing_cells), so it scores 0
    # or is left out of the grades
    careless = graded["careless"]
    solution = graded["solution"]
    assert DELETED in careless.cells and (careless.score, careless.max_score) == (solution.score, solution.max_score)


def test_the_unfilled_release_earns_zero(graded):
    # fails if a test cell passes on the unfilled stubs (a check that never calls the student's function, or
    # a NotImplementedError not counted as a failure)
    assert graded["blank"].score == 0


def test_every_right_variant_earns_full_marks(verdicts):
    # fails if a hidden check compares one way of writing it to fixed numbers (the order of the draws, int
    # labels, loops) instead of behaviour, so a right variant loses points
    lost = {name: sorted(verdict.lost) for name, verdict in verdicts.items() if verdict.case.label == "right"}
    assert lost == {name: [] for name in lost}


def test_every_mistake_loses_points_exactly_on_the_cells_that_grade_it(verdicts):
    """Visible and hidden tests together: no cell beyond the catalog's, so partial credit follows the concepts."""
    # fails if a hidden test misses a mistake it should catch, or a check stops isolating its function (the
    # substituted reference helpers), so a mistake spills into cells beyond its FAILS
    wrong = {name: verdict for name, verdict in verdicts.items() if verdict.case.label == "wrong"}
    assert {name: verdict.lost for name, verdict in wrong.items()} == {
        name: verdict.case.fails for name, verdict in wrong.items()}


def test_the_sandboxed_run_and_the_fast_in_process_run_agree_on_every_case(verdicts, catalog_failures):
    """Same cells failed, same messages: the fast tests and check-release judge as grading does."""
    # fails if grading in the sandbox and nnkit.verdict.inprocess drift apart (a namespace, a reason, a random stream, the
    # BLAS kernel the sandbox computes with)
    disagree = []
    for name, verdict in verdicts.items():
        here = {cell: f"{findings.ERROR_NAMES[kind]}: {message}"
                for cell, (kind, _, message) in ((cell, reason.partition(": "))
                                                 for cell, reason in catalog_failures["shallow_nn", name].items())}
        there = verdict.grades.messages
        disagree += [f"{name} / {cell}:\n  sandbox:    {there.get(cell)}\n  in-process: {here.get(cell)}"
                     for cell in sorted(here.keys() | there.keys()) if here.get(cell) != there.get(cell)]
    assert disagree == [], "\n".join(disagree)


def test_every_mistake_is_named_to_the_student_in_a_failed_cell(verdicts):
    # fails if the Likely mistake line is lost on the way from the sandboxed kernel to the autograded notebook,
    # or a diagnosis stops fitting the student's calls when they are served by the kernel
    unnamed = {name: verdict.grades.messages for name, verdict in verdicts.items()
               if verdict.case.label == "wrong" and not verdict.diagnosed}
    assert unnamed == {}


def test_the_feedback_page_shows_the_likely_mistake(verdicts):
    # fails if the feedback template (WhatToFix, hidden tests cleared) drops or cuts the failed cell's message
    # with the likely mistake
    verdict = verdicts["wrong/backward_missing_one_over_m"]
    where = Course(verdict.grades.course, "shallow_nn")
    subprocess.run([NBGRADER, "generate_feedback", "shallow_nn", "--student", verdict.case.student],
                   cwd=where.root, check=True, capture_output=True)
    page = html.unescape((where.feedback(verdict.case.student) / "shallow_nn.html").read_text())
    assert "Likely mistake: " + verdict.case.diagnosis in page


def test_grades_export_to_csv_with_nbgrader(graded):
    # fails if the scores the kit reads back differ from the gradebook's nbgrader exports, or the graded
    # submissions do not reach the course's gradebook
    where = graded["solution"].course  # one worker's course: its gradebook holds the students it graded
    subprocess.run([NBGRADER, "export"], cwd=where, check=True, capture_output=True)
    with open(where / "grades.csv") as exported:
        scores = {row["student_id"]: float(row["score"]) for row in csv.DictReader(exported)}
    assert "solution" in scores
    assert scores == {student: result.score for student, result in graded.items() if result.course == where}


def test_the_accuracy_report_prints_each_case_against_its_label(tmp_path, capsys):
    # fails if `nnkit accuracy` grades other cases than those named, fails on them, or its totals count right
    # and wrong cases wrongly; or if it no longer grades each wrong case held out of the diagnosis table (and only
    # the wrong ones: a right case has no mistake to name)
    assert main(["--assignment", "shallow_nn", "accuracy", "wrong/init_all_zeros", "right/dot_and_normal_draws",
                 "--into", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    assert "wrong/init_all_zeros" in report and "init_weights_random" in report
    assert "wrong cases caught (lost points):       1 of 1" in report
    assert "right cases at full marks:              1 of 1" in report
    held_out = report.split("diagnosis table ...")[1]
    assert [line.split() for line in held_out.splitlines() if line.startswith(("wrong/", "right/"))] == [
        ["wrong/init_all_zeros", "named"]]
    assert "named, each case held out:              1 of 1 (100%)" in held_out


def test_the_demo_prints_the_grade_table(tmp_path, capsys):
    # fails if `nnkit demo` cannot set up and grade its class, or its table leaves out the students or the
    # cells they lost points on
    assert main(["demo", "--into", str(tmp_path / "demo")]) == 0
    table = capsys.readouterr().out
    assert "solution" in table and "wrong_init_all_zeros" in table and "init_weights_random" in table
