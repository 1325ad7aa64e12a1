"""End to end with nbgrader's own autograde, in a scratch copy of the course.

The solution earns full marks, the unfilled release zero, every right variant in the
catalog full marks, and every mistake loses points on exactly the cells the catalog names.
"""
import copy
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from grader import release
from grader.cli import main
from grader.grading import autograde, submit
from grader.submissions import fill, nbgrader_meta

pytestmark = pytest.mark.slow
DELETED = "init_weights_random"


@pytest.fixture(scope="module")
def scratch(course, tmp_path_factory):
    """A scratch copy of the course with its release generated."""
    return release.generate(course, tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def graded(scratch, solved_nb, release_nb, cases):
    """Every catalog case, the solution and the blank release, autograded once: grades by student."""
    careless = copy.deepcopy(solved_nb)  # right answers, but a test cell deleted
    careless.cells = [cell for cell in careless.cells if nbgrader_meta(cell).get("grade_id") != DELETED]
    submissions = {"solution": solved_nb, "blank": release_nb, "careless": careless}
    submissions.update({case.student: fill(solved_nb, case.program, case.name) for case in cases})
    for student, nb in submissions.items():
        submit(scratch, student, nb)
    return {result.student: result for result in autograde(scratch, submissions)}


def test_the_solution_earns_full_marks(graded):
    solution = graded["solution"]
    assert solution.failed == [] and solution.score == solution.max_score > 0


def test_a_deleted_test_cell_is_put_back_and_graded(graded):
    careless = graded["careless"]
    assert DELETED in careless.cells and careless.score == careless.max_score == graded["solution"].max_score


def test_the_unfilled_release_earns_zero(graded):
    assert graded["blank"].score == 0


def test_every_right_variant_earns_full_marks(graded, cases):
    lost = {case.name: graded[case.student].failed for case in cases if case.label == "right"}
    assert lost == {name: [] for name in lost}


def test_every_mistake_loses_points_exactly_on_the_cells_that_grade_it(graded, cases):
    """Visible and hidden tests together: no cell beyond the catalog's, so partial credit follows the concepts."""
    lost = {case.name: set(graded[case.student].failed) for case in cases if case.label == "wrong"}
    assert lost == {case.name: set(case.fails) for case in cases if case.label == "wrong"}


def test_feedback_shows_the_checks_messages(scratch, graded, cases):
    scratch.run("generate_feedback")
    zeros = next(case for case in cases if case.name == "wrong/init_all_zeros")
    page = (scratch.feedback(zeros.student) / "shallow_nn.html").read_text()
    assert "compute the same function" in page  # the symmetry message of hidden_units_differ


def test_grades_export_to_csv_with_nbgrader(scratch, graded):
    subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export"], cwd=scratch.root, check=True,
                   capture_output=True)
    with open(scratch.root / "grades.csv") as exported:
        scores = {row["student_id"]: float(row["score"]) for row in csv.DictReader(exported)}
    assert scores == {student: result.score for student, result in graded.items()}


def test_the_demo_prints_the_grade_table(tmp_path, capsys):
    assert main(["demo", "--into", str(tmp_path / "demo")]) == 0
    table = capsys.readouterr().out
    assert "solution" in table and "wrong_init_all_zeros" in table and "init_weights_random" in table
