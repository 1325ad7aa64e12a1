"""Shared fixtures: the course (this repository), its notebooks, the solution, the catalog, a graded hostile class."""
from pathlib import Path

import pytest

import hostile_class
import postgres
from nnkit import content
from nnkit.diagnosis import catalog
from nnkit.verdict import forked, inprocess
from nnkit.course import Course, assignments
from nnkit.submissions import defined_functions, fill, read_notebook, solution_cells, solution_program
from nnkit.verdict.testcells import judged_cells

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def course():
    return Course(ROOT, "shallow_nn")


@pytest.fixture(scope="session")
def source_nb(course):
    return read_notebook(course.source_notebook)


@pytest.fixture(scope="session")
def release_nb(course):
    return read_notebook(course.release_notebook)


@pytest.fixture(scope="session")
def solved_nb(release_nb, source_nb):
    """The release with every solution cell filled in from the instructor's solution."""
    return fill(release_nb, solution_program(source_nb), "the solution")


@pytest.fixture(scope="session")
def graded_functions(release_nb):
    """The names of the functions students write, in notebook order."""
    return [name for cell in solution_cells(release_nb) for name in defined_functions(cell.source)]


@pytest.fixture(scope="session")
def cases(course):
    return catalog.cases(course.catalog)


@pytest.fixture(scope="session")
def hidden_cells(source_nb):
    """grade_id -> the hidden test code of that grade cell, in notebook order."""
    return {test.grade_id: test.hidden for test in judged_cells(source_nb)}


@pytest.fixture(scope="session")
def failures(course, source_nb):
    """Grade without a kernel, by the same trusted run as grading (nnkit.verdict.inprocess): {grade_id: reason} for each
    test cell the source notebook fails with `program`'s functions in its solution cells (the solution's if None)."""
    def graded(program=None, name="submission"):
        return failures_of_notebook(course, source_nb if program is None else fill(source_nb, program, name))
    return graded


def failures_of_notebook(course, nb):
    checks = content.files(course.root, course.assignment)
    return {grade_id: reason for grade_id, reason in inprocess.verdicts(nb, course.source, checks).items() if reason}


@pytest.fixture(scope="session")
def catalog_failures():
    """(assignment, case name) -> {grade_id: reason} of the test cells the case fails without a kernel: every
    assignment's catalog, graded once, a process per core, each case forked from the solution graded as far as the
    case's first change (nnkit.verdict.forked)."""
    found = {}
    for course in assignments(ROOT):
        source, cases = read_notebook(course.source_notebook), catalog.cases(course.catalog)
        notebooks = [fill(source, case.program, case.name) for case in cases]
        graded = forked.verdicts(source, notebooks, course.source, content.files(course.root, course.assignment))
        found.update({(course.assignment, case.name): {grade_id: reason for grade_id, reason in verdicts.items()
                                                       if reason} for case, verdicts in zip(cases, graded)})
    return found


@pytest.fixture(scope="session")
def hostile_gradebook():
    """The URL of an empty gradebook database on a private PostgreSQL server (tests/postgres.py), up as long as the
    session: the hostile class is read back from it by every module using hostile_batch (test_hostile, then
    test_pages_in_browser, modules apart); stopped, its folder removed, when the session ends."""
    with postgres.server() as url:
        yield url


@pytest.fixture(scope="session")
def hostile_batch(course, cases, release_nb, tmp_path_factory, hostile_gradebook):
    """The hostile class (tests/hostile_class.py) graded once by `nnkit grade`: (course, the run, files before
    and after grading). Its gradebook is on PostgreSQL (hostile_gradebook), as a team keeps it; deep_init's hostile
    class (tests/test_hostile_deep_init.py) stays on SQLite, the default: every attack aimed at both assignments is
    held to the same case on both backends, and neither class is graded twice."""
    return hostile_class.grade(course, cases, release_nb, tmp_path_factory.mktemp("hostile"),
                               db_url=hostile_gradebook)
