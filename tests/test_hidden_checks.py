"""Every assignment's test cells grade the idea: the solution passes them, right variants pass, each mistake fails
where it should, with a message that names the function and, from the catalog, the likely mistake.

Fast: no kernel. The notebook runs in this process and each test cell is judged as grading judges it, whole,
by nbgrader's rule (nnkit.verdict.inprocess); the same cases graded through the sandbox are in test_autograde.py.
"""
import ast
import importlib
import inspect
import pkgutil
import re

import pytest

from conftest import ROOT, failures_of_notebook
from nnkit import content
from nnkit.course import assignments
from nnkit.diagnosis import catalog
from nnkit.submissions import defined_functions, grade_cells, read_notebook, solution_cells
from nnkit.verdict.testcells import judged_cells

COURSES = {course.assignment: course for course in assignments(ROOT)}
CASES = [(course, case) for course in COURSES.values() for case in catalog.cases(course.catalog)]
RIGHT = [(course, case) for course, case in CASES if case.label == "right"]
WRONG = [(course, case) for course, case in CASES if case.label == "wrong"]


def named(pair):
    course, case = pair
    return f"{course.assignment}:{case.name}"


@pytest.fixture(scope="module")
def failures_of(catalog_failures):
    """(course, case) -> {grade_id: reason} of the test cells it fails."""
    return lambda course, case: catalog_failures[course.assignment, case.name]


@pytest.fixture(params=sorted(COURSES))
def course(request):
    return COURSES[request.param]


@pytest.fixture
def source_nb(course):
    return read_notebook(course.source_notebook)


@pytest.fixture
def graded_functions(source_nb):
    """The names of the functions students write, in notebook order."""
    return [name for cell in solution_cells(source_nb) for name in defined_functions(cell.source)]


def test_the_course_holds_both_lectures():
    # fails if assignments() drops a lecture (its glob, or its source/<id>/<id>.ipynb filter), or a notebook is misnamed
    assert set(COURSES) == {"shallow_nn", "deep_init"}


def test_the_solution_passes_every_test_cell(course, source_nb):
    # fails if a check is stricter than the assignment's reference math, so the instructor's own solution loses a cell,
    # or a test cell raises on correct code (it reads a name that cannot cross as plain data)
    assert failures_of_notebook(course, source_nb) == {}


@pytest.mark.parametrize("course, case", RIGHT, ids=list(map(named, RIGHT)))
def test_a_right_submission_written_differently_passes_every_test_cell(course, case, failures_of):
    # fails if a check grades one way of writing it: fixed random draws (normal draws, W2 drawn first), exact types
    # (a list for a tuple, int labels), or float equality where another order of operations rounds differently
    assert failures_of(course, case) == {}, case.summary


@pytest.mark.parametrize("course, case", WRONG, ids=list(map(named, WRONG)))
def test_a_mistake_fails_exactly_the_cells_the_catalog_names(course, case, failures_of):
    # fails if a hidden check stops catching a mistake (a loosened tolerance, a dropped check), or a mistake spills into
    # cells about other functions (a training check running the student's backward where it meant a stand-in)
    assert set(failures_of(course, case)) == case.fails, case.summary


@pytest.mark.parametrize("course, case", WRONG, ids=list(map(named, WRONG)))
def test_a_mistake_is_named_by_its_diagnosis(course, case, failures_of):
    # fails if the replay no longer matches a mistake to its case (a call recorded after the student's code changed its
    # arguments or np.random's state), or the checks' calls are too few to tell the mistake from a right case
    assert any("Likely mistake: " + case.diagnosis in message for message in failures_of(course, case).values())


@pytest.mark.parametrize("course, case", WRONG, ids=list(map(named, WRONG)))
def test_only_mistakes_in_the_functions_a_submission_changed_are_named(course, case, failures_of):
    # fails if a failed check's diagnosis replays another function's mistakes (a check listing a callee first), so a
    # slip in backward_propagation is also named as a mistake of update_parameters or nn_model
    changed = set(defined_functions(case.program))
    others = [other for mine, other in WRONG if mine is course]
    named_here = {other.name for other in others for message in failures_of(course, case).values()
                  if "Likely mistake: " + other.diagnosis in message}
    by_name = {other.name: other for other in others}
    assert {name for name in named_here if not changed & set(defined_functions(by_name[name].program))} == set()


@pytest.mark.parametrize("course, case", WRONG, ids=list(map(named, WRONG)))
def test_every_failure_names_the_function_it_is_about(course, case, failures_of):
    # fails if a reason leaves out the function: a bare assert in a hidden test ("an assertion failed (in a hidden
    # test)"), or a check's message saying only what is wrong ("shape (4, 2); expected (2, 4)")
    functions = [name for cell in solution_cells(read_notebook(course.source_notebook))
                 for name in defined_functions(cell.source)]
    for message in failures_of(course, case).values():
        for line in message.splitlines():
            if not line.startswith("  Likely mistake: "):
                assert any(name in line for name in functions), line


def test_the_catalog_names_only_real_grade_cells(course, source_nb):
    # fails if a grade cell is renamed or dropped while a case still names it in FAILS, or judged_cells skips a locked
    # grade cell (is_instructors misreading nbgrader's lock)
    cells = {test.grade_id for test in judged_cells(source_nb)}
    for case in catalog.cases(course.catalog):
        assert case.fails <= cells, f"{case.name} names unknown cells {case.fails - cells}"


def test_every_graded_function_has_a_mistake_and_a_right_variant_in_the_catalog(course, graded_functions):
    """A mistake gives a diagnosis; right variants are the baseline a diagnosis must differ from."""
    # fails if a graded function joins the notebook (or its last case leaves the catalog) without a wrong and a right
    # case: its failures could then name no likely mistake
    for label in ("right", "wrong"):
        defined = {name for case in catalog.cases(course.catalog) if case.label == label
                   for name in defined_functions(case.program)}
        assert set(graded_functions) - defined == set(), label


def test_every_visible_assert_says_what_went_wrong_and_in_which_function(source_nb, graded_functions):
    # fails if a visible assert is bare or its message names no function (`assert W1.shape == (4, 2)`): the student,
    # running it before submitting, sees only an AssertionError
    for test in judged_cells(source_nb):
        for node in ast.walk(ast.parse(test.visible)):
            if isinstance(node, ast.Assert):
                message = ast.unparse(node.msg) if node.msg else ""
                assert any(name in message for name in graded_functions), (
                    f"{test.grade_id}: assert {ast.unparse(node.test)} has no message naming the function it tests")


def test_the_catalog_holds_the_initialization_mistakes_of_each_lecture():
    # fails if a lecture's classic start mistake (all zeros, random biases, He scaled by n[l] or without its square
    # root, Xavier's scale) leaves the catalog, or catalog.load stops reading a case's docstring as its summary
    wrong = {name: " ".join(case.summary.lower() for mine, case in WRONG if mine.assignment == name)
             for name in COURSES}
    for mistake in ("zero", "constant", "large", "bias", "shape"):
        assert mistake in wrong["shallow_nn"], f"no shallow_nn initialization mistake about '{mistake}'"
    for mistake in ("n[l]", "square root", "xavier", "every layer", "biases", "one layer short"):
        assert mistake in wrong["deep_init"], f"no deep_init initialization mistake about '{mistake}'"


def test_every_grade_cell_opens_with_a_docstring_and_has_hidden_tests(source_nb):
    # fails if a grade cell is added without a one-line docstring (what the report says it checks) or without a hidden
    # part, so that only asserts the student can read grade it
    for cell in grade_cells(source_nb):
        grade_id = cell.metadata.nbgrader["grade_id"]
        assert re.match(r'"""[^"\n]+"""\n', cell.source), f"{grade_id} does not open with a one-line docstring"
        assert "### BEGIN HIDDEN TESTS" in cell.source, f"{grade_id} has no hidden tests"


def test_every_check_is_used_by_a_grade_cell(course, source_nb):
    # fails if a check stays in checks/ that no hidden test calls (a cell rewritten to call a new check): an idea that
    # looks graded and is not
    hidden = "\n".join(test.hidden for test in judged_cells(source_nb))
    with content.importable(content.files(course.root, course.assignment)):  # as grading imports them
        package = importlib.import_module(f"assignments.{course.assignment}.checks")
        modules = [importlib.import_module(f"{package.__name__}.{info.name}")
                   for info in pkgutil.iter_modules(package.__path__)]
    unused = [f"{module.__name__}.{name}" for module in modules
              for name, function in inspect.getmembers(module, inspect.isfunction)
              if function.__module__ == module.__name__ and not name.startswith("_")
              and f"checks.{name}" not in hidden]
    assert unused == []


def test_every_grade_cell_is_failed_by_some_mistake_of_the_catalog(course, source_nb):
    # fails if a test cell passes every catalog mistake that reaches it: then nothing shows it grades the idea it
    # names (the experiment's cells, once, passed the sigmoid's slope in place of tanh's from a start that could not
    # move)
    failed = {grade_id for case in catalog.cases(course.catalog) if case.label == "wrong" for grade_id in case.fails}
    assert [cell.metadata.nbgrader.grade_id for cell in grade_cells(source_nb)
            if cell.metadata.nbgrader.grade_id not in failed] == []
