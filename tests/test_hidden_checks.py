"""The hidden checks grade the idea: the solution passes them, right variants pass, each mistake fails where it should.

Fast: no kernel. The notebook's definition cells and hidden tests run in this process.
"""
import importlib
import inspect
import pkgutil
import re

import pytest

from grader import checks
from grader.catalog import cases as catalog_cases
from grader.submissions import defined_functions, fill, solution_cells, grade_cells

CASES = catalog_cases()
RIGHT = [case for case in CASES if case.label == "right"]
WRONG = [case for case in CASES if case.label == "wrong"]


def test_the_solution_passes_every_hidden_check(solved_nb, hidden_verdicts):
    assert hidden_verdicts(solved_nb) == set()


@pytest.mark.parametrize("case", RIGHT, ids=lambda case: case.name)
def test_a_right_submission_written_differently_passes_every_hidden_check(case, solved_nb, hidden_verdicts):
    assert hidden_verdicts(fill(solved_nb, case.program, case.name)) == set(), case.summary


@pytest.mark.parametrize("case", WRONG, ids=lambda case: case.name)
def test_a_mistake_fails_exactly_the_cells_the_catalog_names(case, solved_nb, hidden_verdicts):
    assert hidden_verdicts(fill(solved_nb, case.program, case.name)) == case.fails, case.summary


def test_the_catalog_names_only_real_grade_cells(hidden_cells):
    for case in WRONG:
        assert case.fails <= set(hidden_cells), f"{case.name} names unknown cells {case.fails - set(hidden_cells)}"


def test_every_graded_function_has_a_mistake_in_the_catalog(release_nb):
    graded = {name for cell in solution_cells(release_nb) for name in defined_functions(cell.source)}
    broken = {name for case in WRONG for name in defined_functions(case.program)}
    assert graded - broken == set()


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
