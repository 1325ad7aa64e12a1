"""A test cell is graded by nbgrader's rule, run in the grader: its whole code decides, as the instructor wrote it.

Fast: each notebook here is trusted code, run in this process by nnkit.verdict.inprocess through the same
protocol as the sandbox. End to end, against stock nbgrader, in test_instructor_edits.py.
"""
import nbformat
import pytest

from nnkit.verdict import inprocess, testcells

STUDENT = '''
import numpy as np

def double(x):
    return 2 * x

def quadruple(x):
    return double(double(x))
'''


def notebook(*cells):
    """A notebook of (role, source) cells: "student" (ordinary), "locked", "test" (a 1-point grade cell), or
    "answer" (a 1-point answer a person grades: grade and solution)."""
    nb = nbformat.v4.new_notebook()
    for index, (role, source) in enumerate(cells):
        cell = nbformat.v4.new_code_cell(source)
        if role != "student":
            graded = role in ("test", "answer")
            cell.metadata.nbgrader = {"grade_id": f"{role}_{index}", "grade": graded, "solution": role == "answer",
                                      "locked": role != "answer", "schema_version": 3,
                                      **({"points": 1} if graded else {})}
        nb.cells.append(cell)
    return nb


def verdicts(tmp_path, *cells):
    """The reason of each test cell (None: passed), in order."""
    return list(inprocess.verdicts(notebook(*cells), tmp_path).values())


def hidden(code, visible=""):
    return f"### BEGIN HIDDEN TESTS\n{code}\n### END HIDDEN TESTS\n{visible}"


def test_a_plain_assert_in_the_hidden_part_counts_and_its_code_stays_hidden(tmp_path):
    # fails if only verify(...) calls decide (the bug this issue is about), or if the reason quotes the hidden line
    passed, failed = verdicts(tmp_path, ("student", STUDENT), ("test", hidden("assert double(2) == 4")),
                              ("test", hidden("assert double(2) == 5", 'assert double(1) == 2, "double(1)"')))
    assert passed is None
    assert failed == "test failed: an assertion failed (in a hidden test)"


def test_a_visible_assert_counts_in_a_cell_with_no_hidden_part(tmp_path):
    # fails if a cell without hidden checks passes whatever its asserts say
    reasons = verdicts(tmp_path, ("student", STUDENT), ("test", "assert quadruple(1) == 4"),
                       ("test", 'assert quadruple(1) == 5, "quadruple(1) should be 5"'),
                       ("test", "assert quadruple(1) == 5"))
    assert reasons == [None, "test failed: quadruple(1) should be 5",
                       "test failed: an assertion failed (at `assert quadruple(1) == 5`)"]


def test_numpy_testing_and_loops_count(tmp_path):
    # fails if an error raised by np.testing (an AssertionError with a long message) or in a loop is not a failure
    check = "for x in (1.0, 2.0):\n    np.testing.assert_allclose(double(np.array([x])), [{}], rtol=1e-6)"
    passed, failed = verdicts(tmp_path, ("student", STUDENT), ("test", hidden(check.format("2 * x"))),
                              ("test", hidden(check.format("3 * x"))))
    assert passed is None and failed.startswith("test failed: Not equal to tolerance rtol=1e-06")
    assert "\n" not in failed  # a reason is one line


def test_an_error_the_students_code_raises_fails_the_cell_naming_it(tmp_path):
    # fails if a RemoteError is mistaken for the grader's own error, or loses where it was raised
    broken = STUDENT.replace("return 2 * x", "raise NotImplementedError()")
    [reason] = verdicts(tmp_path, ("student", broken), ("test", "quadruple(1)"))
    assert reason == "test failed: quadruple raised NotImplementedError inside double, which it calls"


def test_a_helper_defined_in_a_locked_cell_is_the_instructors_whatever_the_notebook_rebinds(tmp_path):
    # fails if the helper is called in the kernel, where the student's rebinding would answer for it
    helper = "def times_three(f):\n    return f(3)"
    reasons = verdicts(tmp_path, ("locked", helper), ("student", STUDENT + "\ntimes_three = lambda f: 12\n"),
                       ("test", "assert times_three(double) == 6"), ("test", "assert times_three(double) == 12"))
    assert reasons[0] is None and reasons[1] is not None


def test_a_substitute_for_a_notebook_global_reaches_the_students_code(tmp_path):
    # fails if the substitute is not seen by quadruple in the kernel, or is left there after the test
    substitution = ("yours = double\ndouble = lambda x: x + 1\ntry:\n    assert quadruple(1) == 3\n"
                    "finally:\n    double = yours")
    reasons = verdicts(tmp_path, ("student", STUDENT), ("test", hidden(substitution)),
                       ("test", "assert quadruple(1) == 4"))
    assert reasons == [None, None]


def test_data_the_hidden_part_binds_never_reaches_the_students_code(tmp_path):
    # fails if a global the hidden part sets is sent to the kernel (the kernel says which globals it reads, and a
    # notebook function could hand back what the hidden test expects)
    student = STUDENT + "\nexpected = None\n\ndef answer():\n    return expected\n"
    reasons = verdicts(tmp_path, ("student", student),
                       ("test", hidden('expected = 42\nassert answer() != 42, "the hidden value crossed"')),
                       ("test", 'expected = 42\nassert answer() == 42, "a visible binding did not cross"'))
    assert reasons == [None, None]


def test_a_reason_is_bounded_whatever_the_kernel_names(tmp_path):
    # fails if a name from the kernel (here: where an error was raised) makes a reason of megabytes
    student = STUDENT + "\nexec(f'def {\"f\" * 100000}():\\n    raise ValueError()', globals())\n" + \
        "def uses():\n    return globals()['f' * 100000]()\n"
    [reason] = verdicts(tmp_path, ("student", student), ("test", "uses()"))
    assert reason.startswith("test failed: uses raised ValueError inside fff") and len(reason) < 500


def test_a_helper_defined_in_an_earlier_test_cell_serves_later_ones(tmp_path):
    # fails if the definitions of test cells (hidden parts included) are not the grader's for later cells
    reasons = verdicts(tmp_path, ("student", STUDENT), ("test", hidden("def twice(f, x):\n    return f(f(x))")),
                       ("test", "assert twice(double, 1) == 4"))
    assert reasons == [None, None]


def test_a_notebook_cannot_answer_for_a_builtin_the_test_relies_on(tmp_path):
    # fails if the notebook's own `all` (always True) is what the test calls
    [reason] = verdicts(tmp_path, ("student", STUDENT + "\ndef all(values):\n    return True\n"),
                        ("test", 'assert all([double(1) == 3]), "double(1) is not 3"'))
    assert reason == "test failed: double(1) is not 3"


def test_a_test_reading_what_cannot_cross_as_plain_data_fails_saying_so(tmp_path):
    # fails if such a name is silently missing (a NameError with no word of why), or passed along as something
    [reason] = verdicts(tmp_path, ("student", STUDENT + "\nstarts = {'double': double}\n"),
                        ("test", "assert len(starts) == 1"))
    assert "reads starts, which the notebook holds as dict" in reason and "cannot be graded as written" in reason


def test_an_answer_a_person_grades_never_runs_in_the_grader(tmp_path):
    # fails if a grade cell that is also a solution cell (the student's own code) is judged, and so run, here
    nb = notebook(("student", STUDENT), ("answer", "assert double(1) == 2"), ("test", "assert double(1) == 2"))
    assert list(inprocess.verdicts(nb, tmp_path)) == ["test_2"]


def test_what_the_test_prints_in_the_grader_shows_nowhere(tmp_path, capsys):
    # fails if the hidden part's prints reach the grader's output (and a student's feedback with them)
    verdicts(tmp_path, ("student", STUDENT), ("test", hidden("print('a hidden detail')")))
    assert "a hidden detail" not in capsys.readouterr().out


@pytest.mark.parametrize("source, hidden_lines", [
    ("a = 1\n### BEGIN HIDDEN TESTS\nb = 2\nc = 3\n### END HIDDEN TESTS\nd = 4\n", {2, 3, 4, 5}),
    ("a = 1\n", set()),
])
def test_the_hidden_part_is_read_one_way(source, hidden_lines):
    # fails if the line arithmetic of hidden_line drifts from the regular expression that cuts the hidden part out
    test = testcells.TestCell("cell", 1, source)
    assert {line for line in range(1, source.count("\n") + 2) if test.hidden_line(line)} == hidden_lines
    assert "b = 2" not in test.visible and ("b = 2" in test.hidden) == bool(hidden_lines)
