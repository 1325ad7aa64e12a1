"""Submissions are made from code: functions go into the release's solution cells by name."""
import pytest

from nnkit.diagnosis.catalog import CatalogError, load
from nnkit.submissions import SubmissionError, fill, read_notebook, solution_cells, grade_cells

PROGRAM = '''"""A student's file."""
import numpy as np


def helper(z):
    return z


def predict(parameters, X):
    return helper(X) > 0


def layer_sizes(X, Y):
    return X.shape[0], 4, Y.shape[0]
'''


def cell_defining(nb, name):
    return next(cell for cell in solution_cells(nb) if f"def {name}(" in cell.source)


def test_each_function_replaces_the_solution_cell_of_its_name(release_nb):
    # fails if fill places functions by cell order instead of by name, or blanks cells the program does not define
    filled = fill(release_nb, PROGRAM)
    assert "helper(X) > 0" in cell_defining(filled, "predict").source
    assert "NotImplementedError" in cell_defining(filled, "nn_model").source


def test_imports_and_helpers_go_into_the_earliest_replaced_cell(release_nb):
    # fails if the imports and helpers go into the cell of the program's first function (predict) rather than the
    # notebook's earliest (layer_sizes), are repeated in every cell, or keep the module docstring
    filled = fill(release_nb, PROGRAM)
    first = cell_defining(filled, "layer_sizes").source
    assert first.index("import numpy") < first.index("def helper") < first.index("def layer_sizes")
    assert "def helper" not in cell_defining(filled, "predict").source
    assert '"""A student' not in first


def test_filling_leaves_the_test_cells_and_the_release_untouched(release_nb):
    # fails if fill edits the release in place (no deep copy), or writes into a test cell
    before = [cell.source for cell in release_nb.cells]
    filled = fill(release_nb, PROGRAM)
    assert [cell.source for cell in grade_cells(filled)] == [cell.source for cell in grade_cells(release_nb)]
    assert [cell.source for cell in release_nb.cells] == before


def test_a_program_with_none_of_the_functions_is_refused(release_nb):
    # fails if a program whose names all miss (a typo) is accepted, and graded as a blank notebook without a word why
    with pytest.raises(SubmissionError, match="defines none of the notebook's functions"):
        fill(release_nb, "def layer_size(X, Y):\n    return 1\n", "typo.py")


def test_a_syntax_error_is_reported_with_its_line(release_nb):
    # fails if a SyntaxError escapes as a traceback, or the message loses the file's name or the line
    with pytest.raises(SubmissionError, match=r"typo.py: line 2"):
        fill(release_nb, "def predict(parameters, X):\n    return (\n", "typo.py")


def test_a_missing_or_corrupt_notebook_gets_a_one_line_error(tmp_path):
    # fails if nbformat's errors escape unwrapped (FileNotFoundError, a JSON error), or the message runs over lines
    with pytest.raises(SubmissionError, match="no such notebook"):
        read_notebook(tmp_path / "nope.ipynb")
    corrupt = tmp_path / "corrupt.ipynb"
    corrupt.write_text('{"cells": [')
    with pytest.raises(SubmissionError, match="not a readable notebook") as error:
        read_notebook(corrupt)
    assert "\n" not in str(error.value)


def test_a_catalog_case_keeps_its_code_and_sheds_its_labels(tmp_path):
    # fails if load leaves FAILS or DIAGNOSIS in the program submitted for the case, drops its imports, or misreads its
    # label, summary, cells or diagnosis
    (tmp_path / "wrong").mkdir()
    path = tmp_path / "wrong" / "zeros.py"
    path.write_text('"""All zeros."""\nimport numpy as np\n\nFAILS = ["init_weights_random"]\n'
                    'DIAGNOSIS = "W1 is all zeros: is it drawn at random?"\n\n\n'
                    "def initialize_parameters(n_x, n_h, n_y):\n    return None\n")
    case = load(path)
    assert (case.name, case.label, case.summary, case.fails, case.diagnosis) == (
        "wrong/zeros", "wrong", "All zeros.", {"init_weights_random"}, "W1 is all zeros: is it drawn at random?")
    assert "FAILS" not in case.program and "DIAGNOSIS" not in case.program and "import numpy as np" in case.program


@pytest.mark.parametrize("labels", ["", 'FAILS = ["predict_labels"]\n', 'DIAGNOSIS = "Returns X."\n'])
def test_a_wrong_case_without_its_cells_or_its_diagnosis_is_refused(tmp_path, labels):
    # fails if a wrong case loads without FAILS or DIAGNOSIS (accuracy would then expect no cell to fail, or the
    # diagnosis would have nothing to tell the student)
    (tmp_path / "wrong").mkdir()
    path = tmp_path / "wrong" / "unlabelled.py"
    path.write_text(f'"""Forgot a label."""\n{labels}\n\ndef predict(parameters, X):\n    return X\n')
    with pytest.raises(CatalogError, match="unlabelled.py"):
        load(path)
