"""The test cells grade the idea: the solution passes them, right variants pass, each mistake fails where it
should, with a message that names the function and, from the catalog, the likely mistake.

Fast: no kernel. The notebook runs in this process and each test cell is judged as grading judges it, whole,
by nbgrader's rule (grader.inprocess); the same cases graded through the sandbox are in test_autograde.py.
"""
import ast
import importlib
import inspect
import pkgutil
import re

import pytest

from grader import checks
from grader.catalog import cases as catalog_cases
from grader.submissions import defined_functions, fill, grade_cells

CASES = catalog_cases()
RIGHT = [case for case in CASES if case.label == "right"]
WRONG = [case for case in CASES if case.label == "wrong"]
CASES_BY_NAME = {case.name: case for case in CASES}


def test_the_solution_passes_every_test_cell(failures):
    assert failures() == {}


@pytest.fixture(scope="module")
def failures_of(catalog_failures):
    """case -> {grade_id: reason} of the test cells it fails."""
    return lambda case: catalog_failures[case.name]


@pytest.mark.parametrize("case", RIGHT, ids=lambda case: case.name)
def test_a_right_submission_written_differently_passes_every_hidden_check(case, failures_of):
    assert failures_of(case) == {}, case.summary


@pytest.mark.parametrize("case", WRONG, ids=lambda case: case.name)
def test_a_mistake_fails_exactly_the_cells_the_catalog_names(case, failures_of):
    assert set(failures_of(case)) == case.fails, case.summary


@pytest.mark.parametrize("case", WRONG, ids=lambda case: case.name)
def test_a_mistake_is_named_by_its_diagnosis(case, failures_of):
    assert any("Likely mistake: " + case.diagnosis in message for message in failures_of(case).values())


@pytest.mark.parametrize("case", WRONG, ids=lambda case: case.name)
def test_only_mistakes_in_the_functions_a_submission_changed_are_named(case, failures_of):
    changed = set(defined_functions(case.program))
    named = {other.name for other in WRONG for message in failures_of(case).values()
             if "Likely mistake: " + other.diagnosis in message}
    assert {name for name in named if not changed & set(defined_functions(CASES_BY_NAME[name].program))} == set()


@pytest.mark.parametrize("case", WRONG, ids=lambda case: case.name)
def test_every_failure_names_the_function_it_is_about(case, failures_of, graded_functions):
    for message in failures_of(case).values():
        for line in message.splitlines():
            if not line.startswith("  Likely mistake: "):
                assert any(name in line for name in graded_functions), line


def test_the_catalog_names_only_real_grade_cells(hidden_cells):
    for case in WRONG:
        assert case.fails <= set(hidden_cells), f"{case.name} names unknown cells {case.fails - set(hidden_cells)}"


def test_every_graded_function_has_a_mistake_and_a_right_variant_in_the_catalog(graded_functions):
    """A mistake gives a diagnosis; right variants are the baseline a diagnosis must differ from."""
    for label in (RIGHT, WRONG):
        assert set(graded_functions) - {name for case in label for name in defined_functions(case.program)} == set()


def test_every_visible_assert_says_what_went_wrong_and_in_which_function(source_nb, graded_functions):
    for cell in grade_cells(source_nb):
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Assert):
                message = ast.unparse(node.msg) if node.msg else ""
                assert any(name in message for name in graded_functions), (
                    f"{cell.metadata.nbgrader['grade_id']}: assert {ast.unparse(node.test)} has no message "
                    "naming the function it tests")


def test_the_catalog_holds_the_initialization_mistakes_of_the_lecture():
    mistakes = " ".join(case.summary.lower() for case in WRONG if "initialize_parameters" in case.program)
    for mistake in ("zero", "constant", "large", "bias", "shape"):
        assert mistake in mistakes, f"no initialization mistake about '{mistake}' in the catalog"


def test_every_grade_cell_opens_with_a_docstring_and_runs_named_checks(source_nb):
    for cell in grade_cells(source_nb):
        grade_id = cell.metadata.nbgrader["grade_id"]
        assert re.match(r'"""[^"\n]+"""\n', cell.source), f"{grade_id} does not open with a one-line docstring"
        assert "verify(globals()," in cell.source, f"{grade_id} has no hidden checks"


def test_every_check_is_used_by_a_grade_cell(hidden_cells):
    hidden = "\n".join(hidden_cells.values())
    modules = [importlib.import_module(f"grader.checks.{info.name}") for info in pkgutil.iter_modules(checks.__path__)]
    unused = [f"{module.__name__}.{name}" for module in modules
              for name, function in inspect.getmembers(module, inspect.isfunction)
              if function.__module__ == module.__name__ and not name.startswith("_")
              and f"checks.{name}" not in hidden]
    assert unused == []
