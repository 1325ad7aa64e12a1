"""The sandbox's boundary, without a kernel: what crosses it (plain data only) and what the sandbox sees.

End to end, hostile submissions are graded in test_hostile.py.
"""
import json
import shutil
import subprocess
import sys

from pathlib import Path

import numpy as np
import pytest

import grader
from grader import sandbox, wire
from grader.checks import RandomStart, Returns
from grader.reference import start
from grader.trusted import hidden_checks


@pytest.mark.parametrize("value", [
    None, True, 3, 2.5, float("nan"), "text", [1, [2.0]], (1, (2,)), {"W1": np.ones((2, 3)), 4: "four"},
    np.float64(0.5), np.int64(7), np.array(1.5), np.arange(6, dtype=np.int32).reshape(2, 3)[:, ::2],
    np.zeros((0, 4)), np.array([True, False]),
], ids=repr)
def test_plain_data_crosses_unchanged(value):
    back = wire.loads(wire.dumps(value))
    assert type(back) is type(value)
    if isinstance(value, (np.ndarray, np.generic)):
        assert back.dtype == value.dtype and np.shape(back) == np.shape(value)
        assert np.array_equal(back, value, equal_nan=True)
    elif value == value:  # not nan
        assert repr(back) == repr(value)


def test_anything_else_arrives_as_an_opaque_stand_in_that_equals_nothing():
    back = wire.loads(wire.dumps({"f": print, "o": np.array([object()]), "m": np}))
    assert all(isinstance(item, wire.Opaque) for item in back.values())
    assert back["f"] != back["f"] and "builtin_function_or_method" in repr(back["f"])


@pytest.mark.parametrize("text", [
    '{"__array__": "AAAA", "dtype": "|O8", "shape": [1], "scalar": false}',  # an object array
    '{"__array__": "AAAA", "dtype": "<f8", "shape": [5], "scalar": false}',  # data that does not fit the shape
    '{"__array__": "AAAA", "dtype": "<f8", "shape": [-1], "scalar": false}',
    '{"__array__": "!!", "dtype": "<f8", "shape": [0], "scalar": false}',  # not base64
    '{"__pickle__": "gASVAAAAAAAAAAAu"}',  # not an encoding the grader knows, however it is spelled
    '{"__dict__": [[[1], 2]]}',  # an unhashable key
    '{"__tuple__": 1}',
], ids=["object dtype", "wrong size", "negative shape", "not base64", "unknown tag", "list key", "tuple of no list"])
def test_a_malformed_answer_is_refused(text):
    with pytest.raises(ValueError):
        wire.decode(json.loads(text))


def test_deep_nesting_is_refused_not_recursed_into():
    with pytest.raises(ValueError):
        wire.decode(json.loads("[" * 100 + "]" * 100))


def test_stand_ins_behave_the_same_here_and_as_data_in_the_kernel():
    given = {"W1": np.ones((4, 2))}
    returns = Returns(given)
    assert returns(2, 4, 1)["W1"] is not given["W1"] and returns.calls == [(2, 4, 1)]
    kernel_side = wire._stand_in(wire.loads(wire.dumps(returns.spec())), asked := [])
    assert np.array_equal(kernel_side(2, 4, 1)["W1"], given["W1"]) and asked == [(2, 4, 1)]
    draws = RandomStart(0.01)
    np.random.seed(3)
    here = draws(2, 4, 1)
    np.random.seed(3)
    there = wire._stand_in(wire.loads(wire.dumps(draws.spec())), [])(2, 4, 1)
    expected = start(2, 4, 1, 0.01, seed=3)
    assert all(np.array_equal(here[k], there[k]) and np.array_equal(here[k], expected[k]) for k in expected)


def test_a_test_cells_checks_are_read_from_its_hidden_part_without_running_it(hidden_cells):
    from grader.checks import initialization
    checks = hidden_checks(next(f"### BEGIN HIDDEN TESTS\n{code}### END HIDDEN TESTS"
                                for grade_id, code in hidden_cells.items() if grade_id == "init_biases_zero"))
    assert checks == [initialization.biases_start_at_zero]
    assert all(hidden_checks(f"### BEGIN HIDDEN TESTS\n{code}### END HIDDEN TESTS") for code in hidden_cells.values())


def test_the_kernel_sees_no_course_and_not_the_grader(course, tmp_path):
    command = sandbox.command(["ls", "/"], tmp_path, tmp_path, sandbox.SandboxLimits())
    bound = {command[index + 1] for index, arg in enumerate(command) if arg in ("--ro-bind", "--bind")}
    environment = str(Path(sys.prefix).resolve())  # the Python it runs, wherever the virtual environment lives
    assert not [path for path in bound - {environment}
                if str(course.root).startswith(path) or path.startswith(str(course.root))]
    assert "--unshare-all" in command and "--clearenv" in command and "--die-with-parent" in command


def test_inside_the_sandbox_python_is_there_and_the_course_is_gone(course, tmp_path):
    package = Path(grader.__file__).parent
    script = (f"test -x {sys.executable} && test ! -e {course.root}/source && test ! -e {course.gradebook} "
              f"&& test ! -e {package}/reference.py "
              "&& ! touch /usr/x 2>/dev/null && touch ~/x && test -z \"$SECRET\" && echo confined")
    run = subprocess.run(sandbox.command(["/bin/sh", "-c", script], tmp_path, tmp_path, sandbox.SandboxLimits()),
                         capture_output=True, text=True, env={"SECRET": "instructor token"}, timeout=60)
    assert run.stdout.strip() == "confined", run.stderr


def test_without_bubblewrap_grading_refuses_and_says_what_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    sandbox.bwrap.cache_clear()
    try:
        with pytest.raises(sandbox.SandboxUnavailable, match="apt-get install bubblewrap"):
            sandbox.describe(sandbox.SandboxLimits())
    finally:
        sandbox.bwrap.cache_clear()

