"""The student release: nbgrader's output, committed, current, and free of solutions and hidden tests."""
import shutil

import nbformat
import pytest

from nnkit.cli import main
from nnkit.course import Course
from nnkit.steps.show_points import points_label
from nnkit.release import leaks, untrusted_cells
from nnkit.submissions import SOLUTION_MARKER, grade_cells, nbgrader_meta, solution_cells


def test_the_committed_release_is_what_nbgrader_generates_from_source(course, capsys):
    # fails if a source edit is committed without regenerating the release, or if generation stops being byte-for-byte
    # deterministic (a timestamp or random id in nbgrader's output would make every release look stale)
    assert main(["--course", str(course.root), "check-release"]) == 0, capsys.readouterr().out


def test_a_stale_release_is_named_file_by_file(course, tmp_path, capsys):
    # fails if check-release compares only the notebook (planar_utils.py ships too), or names the folder, not the file
    copy = course.scratch_copy(tmp_path / "course")
    shutil.copytree(course.release, copy.release)
    (copy.release / "planar_utils.py").write_text("# edited by hand\n")
    assert main(["--course", str(copy.root), "check-release"]) == 1
    assert capsys.readouterr().out.splitlines() == ["release/shallow_nn/planar_utils.py (stale)"]


def edited_copy(course, into, edit):
    """A scratch course with the committed release, whose source notebook `edit` changed (it gets the notebook)."""
    scratch = course.scratch_copy(into)
    shutil.copytree(course.release, scratch.release)
    nb = nbformat.read(str(scratch.source_notebook), as_version=4)
    edit(nb)
    nbformat.write(nb, str(scratch.source_notebook))
    return scratch


def test_a_test_cell_reading_what_cannot_cross_as_plain_data_is_named_before_release(course, tmp_path):
    # fails if check-release skips the trusted run, or names the cells without the reason the instructor needs
    def read_the_starts(nb):
        helpers = next(cell for cell in nb.cells if nbgrader_meta(cell).get("grade_id") == "experiment_run")
        helpers.source = helpers.source.replace("for label in start_names", "for label in starts")

    problems = untrusted_cells(edited_copy(course, tmp_path, read_the_starts))
    assert [problem.split(":")[0] for problem in problems] == ["experiment_large_start", "experiment_small_start"]
    assert all("fails for the solution" in problem and "reads starts" in problem for problem in problems)


def test_a_test_cell_the_blank_release_passes_is_named_before_release(course, tmp_path):
    # fails if check-release does not grade the blank release, or lets a test that grades nothing through
    def add_an_empty_test(nb):
        cell = nbformat.v4.new_code_cell('"""Nothing to see."""\nassert True')
        cell.metadata.nbgrader = {"grade": True, "grade_id": "asserts_nothing", "locked": True, "points": 1,
                                  "schema_version": 3, "solution": False}
        nb.cells.append(cell)

    problems = untrusted_cells(edited_copy(course, tmp_path, add_an_empty_test))
    assert problems == ["asserts_nothing: passes for the blank release, so it grades nothing a student writes"]


def test_the_release_holds_no_marker_and_no_grader_import(course):
    # fails if the release's preprocessors lose ClearSolutions or ClearHiddenTests (ShowPoints set as the only one,
    # say): their markers and the nnkit.checking import then ship; or if the scan stops seeing one of them
    assert {marker for _, marker in leaks(course.source)} == {  # the scan sees each where it is: in the source
        "BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "nnkit.checking"}
    assert leaks(course.release) == []


def test_no_line_of_a_hidden_test_reaches_the_release(hidden_cells, release_nb):
    # fails if the release keeps a hidden test (ClearHiddenTests dropped from the release's preprocessors, or a marker
    # spelt so nbgrader misses it), or if the hidden parts are not found in the source
    assert any(code.strip() for code in hidden_cells.values())  # the hidden tests are found: there are lines to seek
    released = "\n".join(cell.source for cell in release_nb.cells if cell.cell_type == "code")
    for grade_id, code in hidden_cells.items():
        for line in code.splitlines():
            assert line.strip() not in released, f"hidden test line of {grade_id} is in the release"


def test_every_solution_cell_keeps_signature_and_docstring_and_clears_the_body(source_nb, release_nb):
    """The release's solution cells hold nothing of the solution: exactly what precedes it, then nbgrader's stub."""
    # fails if the release keeps a line of the solution, cuts the signature or docstring before it, or replaces the body
    # with another stub than nbgrader's (a ClearSolutions.code_stub set in nbgrader_config.py)
    for source, released in zip(solution_cells(source_nb), solution_cells(release_nb), strict=True):
        kept = source.source.split("### BEGIN SOLUTION")[0]
        assert released.source == kept + "# YOUR CODE HERE\n    raise NotImplementedError()"


def test_students_see_each_test_cells_points_from_its_metadata(release_nb):
    # fails if ShowPoints is left out of the release's preprocessors, or writes points other than the cell's metadata
    for cell in grade_cells(release_nb):
        label = points_label(cell.metadata.nbgrader["points"])
        assert cell.source.splitlines()[0].endswith(f"({label}).\"\"\""), cell.source.splitlines()[0]


@pytest.mark.parametrize("points, label", [(1, "1 point"), (2.0, "2 points"), (0.5, "0.5 points")])
def test_points_are_written_as_a_person_would(points, label):
    # fails if points_label keeps the float ("2.0 points") or pluralises a single point ("1 points")
    assert points_label(points) == label


def test_solution_markers_are_recognised_on_their_own_lines():
    # fails if SOLUTION_MARKER leaves a marker line's indentation or newline behind, or eats the code between markers
    assert SOLUTION_MARKER.sub("", "    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION\n") == "    x = 1\n"


def test_a_wrong_course_path_gets_a_one_line_error(tmp_path, capsys):
    # fails if a folder without nbgrader_config.py surfaces as a traceback from nbgrader (or a message over several
    # lines) instead of exit code 2 and one line
    assert main(["--course", str(tmp_path), "check-release"]) == 2
    error = capsys.readouterr().err
    assert "not a course directory" in error and error.count("\n") == 1


def test_a_course_without_its_notebook_is_named(tmp_path):
    # fails if Course accepts a course without source/<id>/<id>.ipynb, leaving nbgrader to fail later without naming it
    (tmp_path / "nbgrader_config.py").write_text("")
    with pytest.raises(Exception, match="shallow_nn.ipynb: missing"):
        Course(tmp_path, "shallow_nn")
