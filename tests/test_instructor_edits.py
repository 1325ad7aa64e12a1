"""Every test an instructor writes counts: edited test cells grade exactly as stock nbgrader grades them.

An instructor edits the source notebook as in Jupyter: a failing assert added to an existing cell's
hidden tests, and new grade cells with a visible assert only, `np.testing` in the hidden part, a helper
from a new locked cell, a substitute for `initialize_parameters` around a call to `nn_model`, and plain
asserts mixed with `verify(globals(), ...)`. The same class (the solution, the blank release, three
catalog mistakes and a student of this file's own) is graded by stock nbgrader, unsandboxed, in its own
kernel (the baseline), by `nnkit grade`, and by `nbgrader autograde` with the kit's config: every student
gets the baseline's points on every cell.
"""
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nnkit.verdict import findings
from nnkit import release
from nnkit.course import Course
from nnkit.grading import grades, messages, points, submit
from nnkit.submissions import fill, read_notebook, solution_program

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
STOCK = """
c.Autograde.sanitize_preprocessors = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
"""
FAILING_HIDDEN_CHECK = "assert False, \"an instructor's new hidden check\"\n"
NEW_CELLS = {  # the grade_id of the cell they follow: [(grade_id, points or None for a locked helper, source)]
    "layer_sizes_reads_shapes": [("layer_sizes_visible_only", 1, '''\
"""layer_sizes: the sizes of a (5, 3) and a (2, 3) batch."""
assert tuple(layer_sizes(np.zeros((5, 3)), np.zeros((2, 3)))) == (5, 4, 2)''')],
    "cost_value": [("cost_allclose", 2, '''\
"""compute_cost: the cross-entropy of a fixed batch, to three digits."""
### BEGIN HIDDEN TESTS
np.testing.assert_allclose(compute_cost(np.array([[0.8, 0.3]]), np.array([[1, 0]])), 0.289909, rtol=1e-3)
### END HIDDEN TESTS'''),
                   ("helpers", None, '''\
def cost_of_two(A2):
    return compute_cost(A2, np.array([[1, 0]]))'''),
                   ("cost_through_a_helper", 1, '''\
"""compute_cost: through the instructor's helper, a confident right answer costs little."""
assert abs(cost_of_two(np.array([[0.8, 0.3]])) - 0.289909) < 1e-3'''),
                   ("cost_number_and_positive", 1, '''\
"""compute_cost: one number, and a positive one."""
### BEGIN HIDDEN TESTS
from nnkit.checking import verify
from assignments.shallow_nn.checks import cost as checks
verify(globals(), checks.returns_a_number)
### END HIDDEN TESTS
assert compute_cost(np.array([[0.5, 0.5]]), np.array([[1, 0]])) > 0, "compute_cost: a cost is positive"''')],
    "nn_model_loop": [("nn_model_zero_steps_keep_the_start", 1, '''\
"""nn_model: zero iterations leave the start initialize_parameters gives."""
fixed = {"W1": np.full((4, 2), 0.01), "b1": np.zeros((4, 1)), "W2": np.full((1, 4), -0.01), "b2": np.zeros((1, 1))}
yours = initialize_parameters
initialize_parameters = lambda n_x, n_h, n_y: {k: v.copy() for k, v in fixed.items()}
try:
    result = nn_model(X, Y, n_h=4, num_iterations=0)
finally:
    initialize_parameters = yours
assert all(np.allclose(result[k], fixed[k]) for k in fixed), "nn_model did not start from initialize_parameters"''')],
}
NEW_GRADED = {grade_id: most for cells in NEW_CELLS.values() for grade_id, most, _ in cells if most}
EDITED = "layer_sizes_reads_shapes"
MISTAKES = ("wrong/init_all_zeros", "wrong/cost_missing_one_over_m", "wrong/nn_model_discards_update")
OWN_STUDENT = '''\
import numpy as np

def layer_sizes(X, Y):
    return [X.shape[0], 4, Y.shape[0]]

def compute_cost(A2, Y):
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))

def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    params = {"W1": np.random.randn(n_h, X.shape[0]) * 0.01, "b1": np.zeros((n_h, 1)),
              "W2": np.random.randn(Y.shape[0], n_h) * 0.01, "b2": np.zeros((Y.shape[0], 1))}
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, params)
        params = update_parameters(params, backward_propagation(params, cache, X, Y))
    return params
'''


def edit(nb):
    """The instructor's edits, made to the source notebook as Jupyter's Create Assignment toolbar would."""
    index = {cell.metadata.get("nbgrader", {}).get("grade_id"): n for n, cell in enumerate(nb.cells)}
    cell = nb.cells[index[EDITED]]
    cell.source = cell.source.replace("### END HIDDEN TESTS", FAILING_HIDDEN_CHECK + "### END HIDDEN TESTS", 1)
    assert FAILING_HIDDEN_CHECK in cell.source, f"no hidden tests in {EDITED} to add to"
    for after in sorted(NEW_CELLS, key=index.get, reverse=True):  # from the end, so indexes stay right
        new = [nbformat.v4.new_code_cell(source, id=grade_id, metadata={"nbgrader": {
            "grade": bool(most), "grade_id": grade_id, "locked": True, "schema_version": 3, "solution": False,
            **({"points": most} if most else {})}}) for grade_id, most, source in NEW_CELLS[after]]
        nb.cells[index[after] + 1:index[after] + 1] = new
    return nb


@pytest.fixture(scope="module")
def edited(course, tmp_path_factory):
    """A copy of the course with the instructor's edits in its source notebook."""
    scratch = course.scratch_copy(tmp_path_factory.mktemp("edited"))
    nbformat.write(edit(read_notebook(scratch.source_notebook)), str(scratch.source_notebook))
    return scratch


@pytest.fixture(scope="module")
def submissions(edited, source_nb, cases, tmp_path_factory):
    """The class, made from the edited course's release: {student: notebook}."""
    released = read_notebook(release.generate(edited, tmp_path_factory.mktemp("release")).release_notebook)
    solved = fill(released, solution_program(source_nb), "the solution")
    by_name = {case.name: case for case in cases}
    return {"solution": solved, "blank": released, "own_student": fill(solved, OWN_STUDENT, "own student"),
            **{by_name[name].student: fill(solved, by_name[name].program, name) for name in MISTAKES}}


@pytest.fixture(scope="module")
def graded_class(edited, submissions, tmp_path_factory):
    """A function grading the class in a new copy of the edited course: command, config appended -> the course."""
    def grade(name, command, config=""):
        scratch = release.generate(edited, tmp_path_factory.mktemp(name))
        with open(scratch.root / "nbgrader_config.py", "a") as file:
            file.write(config)
        for student, nb in submissions.items():
            submit(scratch, student, nb)
        run = subprocess.run(command(scratch), cwd=scratch.root, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, f"{name}: {command(scratch)} exited {run.returncode}:\n{run.stdout[-3000:]}" \
                                    f"\n{run.stderr[-3000:]}"
        return Course(scratch.root, scratch.assignment)
    return grade


def nbgrader_autograde(scratch):
    return [BIN / "nbgrader", "autograde", scratch.assignment]


@pytest.fixture(scope="module")
def baseline(graded_class):
    return graded_class("stock", nbgrader_autograde, STOCK)


@pytest.fixture(scope="module")
def by_the_kit(graded_class):
    return graded_class("kit", lambda scratch: [BIN / "nnkit", "--course", scratch.root, "grade"])


@pytest.fixture(scope="module")
def by_nbgrader_with_the_kits_config(graded_class):
    return graded_class("kit_config", nbgrader_autograde)


def differences(course, baseline):
    """One line per student and cell whose points differ from the baseline's, with both sides' reasons."""
    ours, theirs = points(course), points(baseline)
    lines = [f"students: {sorted(ours)} graded, {sorted(theirs)} in the baseline"] if set(ours) != set(theirs) else []
    for student in sorted(set(ours) & set(theirs)):
        nb = nbformat.read(str(course.autograded(student) / f"{course.assignment}.ipynb"), as_version=4)
        recorded, _ = findings.read(nb)
        for grade_id in sorted(set(ours[student]) | set(theirs[student])):
            if ours[student].get(grade_id) != theirs[student].get(grade_id):
                lines.append(f"{student} / {grade_id}: {ours[student].get(grade_id)} points, baseline "
                             f"{theirs[student].get(grade_id)}; kit's reason: "
                             f"{recorded.get(grade_id, {}).get('reason')!r}; baseline's error: "
                             f"{messages(baseline, student).get(grade_id)!r}")
    return lines


def test_the_edits_count_in_the_baseline(baseline, submissions):
    """Fails if the edits never reached the gradebook or the release (generated from the unedited course, a new
    cell not saved as graded), so the comparisons below would hold vacuously."""
    scores = points(baseline)
    solution = grades(baseline, "solution").cells
    assert {grade_id: solution.get(grade_id, (None, None))[1] for grade_id in NEW_GRADED} == NEW_GRADED, \
        "the new grade cells and their points in the gradebook differ from the instructor's"
    lost = {grade_id: most - score for grade_id, (score, most) in solution.items() if score != most}
    assert lost == {EDITED: 1}, f"the solution should lose exactly the 1 point of {EDITED}; it lost {lost}"
    assert {grade_id: scores["blank"][grade_id] for grade_id in NEW_GRADED} == dict.fromkeys(NEW_GRADED, 0), \
        "the blank release scored on a new cell"
    assert any(scores[student][grade_id] < most for student in scores if student.startswith("wrong_")
               for grade_id, most in NEW_GRADED.items()), "no mistake lost points on a new cell"
    assert all(scores[student][EDITED] == 0 for student in submissions), f"someone passed {EDITED}"


def test_nnkit_grade_gives_every_cell_the_baseline_points(by_the_kit, baseline):
    """Fails if the kit judges a test cell by anything but its whole code: only its verify() checks, the hidden part
    skipped or run apart from the visible one, np.testing not raising in the grader, a locked helper not defined
    there, or a substitute for a notebook global that the student's nn_model does not see."""
    lines = differences(by_the_kit, baseline)
    assert not lines, "\n".join(lines)


def test_nbgrader_autograde_with_the_kits_config_gives_the_baseline_points(by_nbgrader_with_the_kits_config,
                                                                           baseline):
    """Fails if stock `nbgrader autograde` with the kit's nbgrader_config.py judges differently from `nnkit grade`,
    e.g. the definitions of locked cells or the given files reach the grader only through nnkit's handoff."""
    lines = differences(by_nbgrader_with_the_kits_config, baseline)
    assert not lines, "\n".join(lines)
