"""The student release: nbgrader's output, committed, current, and free of solutions and hidden tests."""
import shutil

import pytest

from grader.cli import main
from grader.course import Course
from grader.points import points_label
from grader.release import leaks
from grader.submissions import SOLUTION_MARKER, solution_cells, grade_cells


def test_the_committed_release_is_what_nbgrader_generates_from_source(course, capsys):
    assert main(["--course", str(course.root), "check-release"]) == 0, capsys.readouterr().out


def test_a_stale_release_is_named_file_by_file(course, tmp_path, capsys):
    copy = course.scratch_copy(tmp_path / "course")
    shutil.copytree(course.release, copy.release)
    (copy.release / "planar_utils.py").write_text("# edited by hand\n")
    assert main(["--course", str(copy.root), "check-release"]) == 1
    assert capsys.readouterr().out.splitlines() == ["release/shallow_nn/planar_utils.py (stale)"]


def test_the_release_holds_no_marker_and_no_grader_import(course):
    assert leaks(course.release) == []


def test_no_line_of_a_hidden_test_reaches_the_release(hidden_cells, release_nb):
    released = "\n".join(cell.source for cell in release_nb.cells if cell.cell_type == "code")
    for grade_id, code in hidden_cells.items():
        for line in code.splitlines():
            assert line.strip() not in released, f"hidden test line of {grade_id} is in the release"


def test_every_solution_cell_keeps_signature_and_docstring_and_clears_the_body(source_nb, release_nb):
    """The release's solution cells hold nothing of the solution: exactly what precedes it, then nbgrader's stub."""
    for source, released in zip(solution_cells(source_nb), solution_cells(release_nb), strict=True):
        kept = source.source.split("### BEGIN SOLUTION")[0]
        assert released.source == kept + "# YOUR CODE HERE\n    raise NotImplementedError()"


def test_students_see_each_test_cells_points_from_its_metadata(release_nb):
    for cell in grade_cells(release_nb):
        label = points_label(cell.metadata.nbgrader["points"])
        assert cell.source.splitlines()[0].endswith(f"({label}).\"\"\""), cell.source.splitlines()[0]


@pytest.mark.parametrize("points, label", [(1, "1 point"), (2.0, "2 points"), (0.5, "0.5 points")])
def test_points_are_written_as_a_person_would(points, label):
    assert points_label(points) == label


def test_solution_markers_are_recognised_on_their_own_lines():
    assert SOLUTION_MARKER.sub("", "    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION\n") == "    x = 1\n"


def test_a_wrong_course_path_gets_a_one_line_error(tmp_path, capsys):
    assert main(["--course", str(tmp_path), "check-release"]) == 2
    error = capsys.readouterr().err
    assert "not a course directory" in error and error.count("\n") == 1


def test_a_course_without_its_notebook_is_named(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("")
    with pytest.raises(Exception, match="shallow_nn.ipynb: missing"):
        Course(tmp_path)
