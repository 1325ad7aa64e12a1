"""The notebooks run in a real kernel: the solution clean and passing, the release unfilled without crashing."""
import copy

import pytest
from nbclient import NotebookClient

from nnkit.submissions import grade_cells

pytestmark = pytest.mark.slow


def execute(nb, folder, allow_errors):
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=allow_errors,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def errors(cell):
    return [output for output in cell.get("outputs", []) if output.output_type == "error"]


def stderr(cell):
    return [output.text for output in cell.get("outputs", [])
            if output.output_type == "stream" and output.name == "stderr"]


def test_the_source_notebook_runs_clean_and_every_test_cell_passes(course, source_nb):
    # fails if a cell of the instructor's notebook raises in a real kernel (a data file or helper missing from source/,
    # a solution failing its own test), or a test cell warns on stderr (nbgrader then scores it 0)
    executed = execute(copy.deepcopy(source_nb), course.source, allow_errors=False)  # raises on any error
    for cell in grade_cells(executed):
        # nbgrader scores a test cell with any stderr output 0
        assert stderr(cell) == [], f"{cell.metadata.nbgrader['grade_id']} wrote to stderr: {stderr(cell)}"


def test_the_unfilled_release_runs_to_the_end_and_fails_every_test(course, release_nb, source_nb):
    # fails if a release stub passes a test cell (a stub returning a plausible default, a test that grades nothing), or
    # a cell of the release ends the kernel before the last cell (a sys.exit, a crash in a given helper)
    executed = execute(copy.deepcopy(release_nb), course.release, allow_errors=True)
    code_cells = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code_cells), "the kernel stopped before the last cell"
    # every test cell of the source is in the release: a release without them would fail none, vacuously
    assert ([cell.metadata.nbgrader["grade_id"] for cell in grade_cells(executed)]
            == [cell.metadata.nbgrader["grade_id"] for cell in grade_cells(source_nb)])
    assert [cell.metadata.nbgrader["grade_id"] for cell in grade_cells(executed) if not errors(cell)] == []
