"""One engine, many assignments: each assignment is its source folder and its grader-side content, nothing more.

End to end: both lectures graded side by side by `nnkit grade` into one gradebook, the second
lecture's catalog graded through the sandbox as labelled, and a third assignment an instructor
adds in a scratch copy (a notebook, its checks, its catalog) graded with no other change.
"""
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nnkit import release
from nnkit.course import Course, assignments
from nnkit.diagnosis import catalog
from nnkit.grading import grades, points, submit
from nnkit.pages import report
from nnkit.submissions import fill, read_notebook, solution_program

pytestmark = pytest.mark.slow
NNKIT = str(Path(sys.executable).parent / "nnkit")


def nnkit(course_root, *args):
    return subprocess.run([NNKIT, "--course", str(course_root), *args], capture_output=True, text=True, timeout=900)


def solved(course, scratch):
    return fill(read_notebook(scratch.release_notebook), solution_program(read_notebook(course.source_notebook)),
                "the solution")


@pytest.fixture(scope="module")
def both(course, tmp_path_factory):
    """A scratch course with both lectures released, a class submitting each, graded by one `nnkit grade`."""
    into = tmp_path_factory.mktemp("both")
    for lecture in assignments(course.root):
        scratch = release.generate(lecture, into)
        submit(scratch, "ada", solved(lecture, scratch))
        submit(scratch, "bob", read_notebook(scratch.release_notebook))
    run = nnkit(into, "grade")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return into, run


def test_both_lectures_grade_side_by_side_into_one_gradebook(both):
    # fails if `nnkit grade` grades one assignment only, or the gradebook keeps one assignment's grades
    into, run = both
    for lecture in ("shallow_nn", "deep_init"):
        scratch = Course(into, lecture)
        solution, blank = grades(scratch, "ada"), grades(scratch, "bob")
        tested = sum(most for _, most in solution.cells.values())  # its written answers are left as released
        assert solution.failed == [] and solution.score == tested > 0 and blank.score == 0, lecture
        assert set(points(scratch)) == {"ada", "bob"}, lecture
        assert (report.folder(scratch) / "index.html").is_file(), f"no class report for {lecture}"
        assert f"== {lecture} ==" in run.stdout


def test_one_assignment_is_graded_alone_when_named(both):
    # fails if --assignment is ignored (both graded again) or grades the wrong one
    into, _ = both
    run = nnkit(into, "--assignment", "deep_init", "grade", "--force")
    assert run.returncode == 0 and "== " not in run.stdout and "2 to grade" in run.stdout, run.stdout[-2000:]


def test_the_second_lectures_catalog_grades_as_labelled_in_the_sandbox(course, tmp_path):
    # fails if a deep_init case loses other cells through nbgrader and the sandbox than its label says
    run = nnkit(course.root, "--assignment", "deep_init", "accuracy", "--into", str(tmp_path / "accuracy"))
    assert run.returncode == 0, run.stdout[-4000:]
    totals = [" ".join(line.split()) for line in run.stdout.splitlines()]
    wrong = sum(case.label == "wrong" for case in catalog.cases(Course(course.root, "deep_init").catalog))
    assert wrong > 0 and f"mistakes the feedback names: {wrong} of {wrong}" in totals, run.stdout[-2000:]
    assert "mismatches with the labels: 0" in totals


TRIVIAL_CHECKS = '''\
"""Checks of double(x)."""
from nnkit.checking import call, expect


def doubles_any_number(double):
    """double(x) is 2 x, for a few x."""
    for x in (0, 1, -3, 2.5):
        expect(call(double, x) == 2 * x, f"double({x}) gave {call(double, x)}; it should be {2 * x}.")
'''


def trivial_assignment(root):
    """An instructor's third assignment, added as the README says: a notebook, its checks, its catalog."""
    (root / "source" / "trivial").mkdir(parents=True)
    cells = [nbformat.v4.new_markdown_cell("# Doubling\n\nWrite `double`.")]
    solution = nbformat.v4.new_code_cell('def double(x):\n    """2 x."""\n    ### BEGIN SOLUTION\n    return 2 * x\n'
                                         '    ### END SOLUTION')
    solution.metadata.nbgrader = {"grade": False, "grade_id": "double", "locked": False, "schema_version": 3,
                                  "solution": True}
    test = nbformat.v4.new_code_cell('"""double: twice its argument."""\n### BEGIN HIDDEN TESTS\n'
                                     "from nnkit.checking import verify\n"
                                     "from assignments.trivial.checks import basics as checks\n"
                                     "verify(globals(), checks.doubles_any_number)\n### END HIDDEN TESTS\n"
                                     'assert double(1) == 2, "double(1) should be 2"')
    test.metadata.nbgrader = {"grade": True, "grade_id": "double_doubles", "locked": True, "points": 2,
                              "schema_version": 3, "solution": False}
    nb = nbformat.v4.new_notebook(cells=cells + [solution, test])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(root / "source" / "trivial" / "trivial.ipynb"))
    content = root / "assignments" / "trivial"
    (content / "checks").mkdir(parents=True)
    (content / "__init__.py").write_text('"""trivial: doubling."""\n')
    (content / "checks" / "__init__.py").write_text('"""The checks of trivial."""\n')
    (content / "checks" / "basics.py").write_text(TRIVIAL_CHECKS)
    for label, name, body in (("right", "shifts", "    return x + x\n"), ("wrong", "squares", "    return x * x\n")):
        (content / "catalog" / label).mkdir(parents=True)
        facts = ('FAILS = ["double_doubles"]\nDIAGNOSIS = "double squares its argument: x * x, not 2 * x."\n'
                 if label == "wrong" else "")
        (content / "catalog" / label / f"{name}.py").write_text(
            f'"""Doubles by {name}."""\n{facts}\n\ndef double(x):\n{body}')


def test_a_third_assignment_needs_no_change_outside_its_own_files(course, tmp_path):
    # fails if anything of the engine names an assignment: discovery, checks' imports, catalogs, reports
    scratch = course.scratch_copy(tmp_path / "course")
    trivial_assignment(scratch.root)
    third = Course(scratch.root, "trivial")
    third.run("generate_assignment")
    checked = nnkit(scratch.root, "--assignment", "trivial", "check-release")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    submit(third, "ada", solved(third, third))
    submit(third, "eve", fill(solved(third, third), "def double(x):\n    return x * x\n", "squares"))
    run = nnkit(scratch.root, "--assignment", "trivial", "grade")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert points(third) == {"ada": {"double_doubles": 2.0}, "eve": {"double_doubles": 0.0}}
    assert "double squares its argument" in (report.folder(third) / "index.html").read_text()  # its catalog's
