"""Shared fixtures: the course (this repository), its notebooks, the solution, the catalog, a graded hostile class."""
import ast
import sys
from pathlib import Path

import pytest

import hostile_class
from grader import catalog
from grader.course import Course
from grader.submissions import (defined_functions, fill, grade_cells, hidden_tests, read_notebook, solution_cells,
                                solution_program)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def course():
    return Course(ROOT)


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
def cases():
    return catalog.cases()


@pytest.fixture(scope="session")
def hidden_cells(source_nb):
    """grade_id -> the hidden test code of that grade cell, in notebook order."""
    return {cell.metadata.nbgrader["grade_id"]: hidden_tests(cell) for cell in grade_cells(source_nb)}


@pytest.fixture(scope="session")
def hidden_failures(course, hidden_cells):
    """Grade without a kernel: {grade_id: message} for each grade cell whose hidden checks fail for a notebook.

    Runs the notebook's definition cells (imports and functions only) in one namespace, as
    the kernel would, then each grade cell's hidden tests; nothing else of the notebook runs.
    """
    sys.path.insert(0, str(course.source))  # planar_utils, as in the assignment's folder

    def failures(nb):
        namespace = {}
        for cell in nb.cells:
            if cell.cell_type == "code" and _only_definitions(cell.source):
                exec(compile(cell.source, f"<cell {cell.id}>", "exec"), namespace)
        failed = {}
        for grade_id, code in hidden_cells.items():
            try:
                exec(compile(code, f"<hidden tests of {grade_id}>", "exec"), namespace)
            except AssertionError as failure:
                failed[grade_id] = str(failure)
        return failed

    yield failures
    sys.path.remove(str(course.source))


def _only_definitions(source):
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return bool(body) and all(isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef)) or
                              (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body)


@pytest.fixture(scope="session")
def hostile_batch(course, cases, release_nb, tmp_path_factory):
    """The hostile class (tests/hostile_class.py) graded once by `nnkit grade`: (course, the run, files before
    and after grading)."""
    return hostile_class.grade(course, cases, release_nb, tmp_path_factory.mktemp("hostile"))
