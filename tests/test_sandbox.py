"""The sandbox's boundary, without a kernel: what crosses it (plain data only) and what the sandbox sees.

End to end, hostile submissions are graded in test_hostile.py.
"""
import json
import math
import shutil
import socket
import subprocess
import sys
import threading
import time
import types
import zipfile

from pathlib import Path

import numpy as np
import pytest
from traitlets.config import Config

from assignments.shallow_nn.checks.experiment import RandomStart
from assignments.shallow_nn.reference import start
from nnkit import sandbox
from nnkit.errors import GradingStopped
from nnkit.steps.sandboxed_execute import Judging, SandboxedExecute
from nnkit.verdict import remote, wire


@pytest.mark.parametrize("value", [
    None, True, 3, 2.5, float("nan"), "text", [1, [2.0]], (1, (2,)), {"W1": np.ones((2, 3)), 4: "four"},
    np.float64(0.5), np.int64(7), np.array(1.5), np.arange(6, dtype=np.int32).reshape(2, 3)[:, ::2],
    np.zeros((0, 4)), np.array([True, False]),
], ids=repr)
def test_plain_data_crosses_unchanged(value):
    # fails if a value changes on the way: a numpy scalar or 0-d array arriving as a Python number, a strided slice
    # scrambled, a tuple as a list, an int key as a string, or a dtype widened
    back = wire.loads(wire.dumps(value))
    assert type(back) is type(value)
    if isinstance(value, (np.ndarray, np.generic)):
        assert back.dtype == value.dtype and np.shape(back) == np.shape(value)
        assert np.array_equal(back, value, equal_nan=True)
    elif value == value:  # not nan
        assert repr(back) == repr(value)


def test_anything_else_arrives_as_an_opaque_stand_in_that_equals_nothing():
    # fails if a function, module or object array crosses as something a test could use, or a stand-in equals itself
    # (an assert on `answer == answer` would then pass)
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
    '{"__callback__": 0}',  # a reference to a function: only the kernel's side resolves one
    '{"__function__": "nn_model"}',
    "[" + "[], " * wire.MAX_ITEMS + "[]]",  # small on the wire, a million objects once parsed
], ids=["object dtype", "wrong size", "negative shape", "not base64", "unknown tag", "list key", "tuple of no list",
        "callback", "function", "too many items"])
def test_a_malformed_answer_is_refused(text):
    # fails if decode accepts what a kernel could forge (an object dtype, a pickle, a function reference, data not
    # fitting its shape, a million items) instead of raising ValueError
    with pytest.raises(ValueError):
        wire.loads(text)


def test_deep_nesting_is_refused_not_recursed_into():
    # fails if decode has no depth limit: an answer nested deep enough would crash the grader with RecursionError
    with pytest.raises(ValueError):
        wire.decode(json.loads("[" * 100 + "]" * 100))


NOTEBOOK = """
def initialize_parameters(n_x, n_h, n_y):
    return "the notebook's own"

def nn_model(n_h):
    return initialize_parameters(2, n_h, 1)
"""


@pytest.fixture
def notebook():
    user_ns = {}
    exec(NOTEBOOK, user_ns)
    return user_ns


def test_a_function_of_the_graders_reaches_the_students_code_as_a_call_back_run_by_the_grader(notebook):
    # fails if a substitute is not sent with the call, runs in the kernel, or stays there after the call
    ran_in = []

    def substitute(n_x, n_h, n_y):
        ran_in.append(threading.get_ident())
        return {"W1": np.ones((n_h, n_x))}

    with remote.served_here(notebook) as peer:
        names = peer.names()
        peer.settle()
        names["initialize_parameters"] = substitute
        result = names["nn_model"](3)
    assert np.array_equal(result["W1"], np.ones((3, 2))) and ran_in == [threading.get_ident()]
    assert notebook["nn_model"](3) == "the notebook's own"


def test_a_call_back_draws_from_the_kernels_random_stream_as_the_kernel_would(notebook):
    # fails if np.random's state does not travel with a call back and back again
    with remote.served_here(notebook) as peer:
        names = peer.names()
        peer.settle()
        names["initialize_parameters"] = RandomStart(0.01)
        np.random.seed(3)
        drawn = names["nn_model"](4)
        after = np.random.random()
    expected = start(2, 4, 1, 0.01, seed=3)  # leaves np.random where the draws did
    assert all(np.array_equal(drawn[name], expected[name]) for name in expected)
    assert after == np.random.random()  # the stream goes on from where the draws left it, here as there


def test_what_the_test_did_not_change_is_not_sent(notebook):
    # fails if every name of the namespace is shipped with each call (slow, and it would override the notebook's)
    with remote.served_here(notebook) as peer:
        names = peer.names()
        names["initialize_parameters"] = lambda *args: "set before settle"
        peer.settle()
        names["unrelated"] = 1
        assert peer.changed() == {}
        assert names["nn_model"](3) == "the notebook's own"


@pytest.mark.parametrize("index", [5, -1, True])
def test_the_kernel_can_call_back_only_what_the_grader_registered(index):
    # fails if the grader runs a callback index it never handed out (or trusts the kernel's request otherwise)
    ours, theirs = socket.socketpair()

    def hostile_kernel():
        wire.receive(theirs)
        wire.send(theirs, wire.dumps({"op": "callback", "callback": index, "args": [], "kwargs": {},
                                      "random_state": np.random.get_state()}))

    threading.Thread(target=hostile_kernel, daemon=True).start()
    with pytest.raises(remote.ProtocolBroken, match="malformed request"):
        with remote._session(ours, 5) as peer:
            peer.ask({"op": "call", "function": "nn_model", "args": [], "kwargs": {}})
    theirs.close()


def test_the_graders_random_start_refuses_to_draw_what_no_check_asks_for():
    # fails if the student's code can make the grader's stand-in allocate gigabytes
    with pytest.raises(ValueError, match="1 to 1000 units"):
        RandomStart(0.01)(2, 20000, 20000)
    assert RandomStart(0.01)(2, 4, 1)["W1"].shape == (4, 2)


def test_what_a_notebook_sends_for_one_test_cell_is_bounded():
    # fails if answers can pile up in the grader's memory without end (each under the size of one frame)
    user_ns = {}
    exec("def big():\n    return 'x' * (8 << 20)\n", user_ns)
    with pytest.raises(GradingStopped, match="out of memory: .* more than 64 MiB"):
        with remote.served_here(user_ns) as peer:
            big = peer.names()["big"]
            for _ in range(remote.MAX_CELL_BYTES // (8 << 20) + 1):
                big()


def test_only_modules_cross_as_modules(monkeypatch):
    # fails if a name the notebook calls a module can become any object of the grader's
    monkeypatch.setitem(sys.modules, "not_a_module", object())
    user_ns = {"alias": types.ModuleType("not_a_module")}
    with remote.served_here(user_ns) as peer:
        assert "alias" not in peer.names()


def test_a_notebook_cannot_shadow_builtins_or_hand_over_names_the_grader_must_not_use():
    # fails if a notebook's `all` (or a dunder) replaces the grader's own in a test's namespace
    user_ns = {}
    exec("def all(values):\n    return True\nlayers = [1, 2]\nfunctions = {'f': print}\nimport math as m\n", user_ns)
    with remote.served_here(user_ns) as peer:
        names = peer.names()
    assert "all" not in names and names["layers"] == [1, 2] and names["m"] is math
    assert "functions" not in names and peer.unavailable == {"functions": "dict"}


def test_a_test_judged_in_an_endless_loop_of_the_graders_own_is_stopped_at_its_deadline():
    # fails if a test's deadline cannot reach a loop in the grader (an answer from the kernel could make one endless)
    judging, stopped, reasons = Judging(), threading.Event(), []

    def stop(reason):  # as SandboxedExecute._stop: kill the kernel, then interrupt the judging thread
        reasons.append(reason)
        judging.interrupt()

    def judge():
        try:
            with judging.running("endless", 0.2, stop):
                while True:
                    pass
        except GradingStopped:
            stopped.set()

    thread = threading.Thread(target=judge, daemon=True)
    thread.start()
    thread.join(5)
    assert stopped.is_set() and not thread.is_alive()
    assert reasons == ["timed out: test cell endless ran longer than 0.2 s"]
    judging.interrupt()  # nothing is judged now: nothing is raised anywhere


def test_the_kernel_sees_no_course_and_not_the_grader(course, tmp_path):
    # fails if the sandbox binds the course or a folder in it (the kit's package, say, to import it there), or drops
    # --unshare-all, --clearenv or --die-with-parent
    command = sandbox.command(["ls", "/"], tmp_path, tmp_path, sandbox.SandboxLimits())
    bound = {command[index + 1] for index, arg in enumerate(command) if arg in ("--ro-bind", "--bind")}
    environment = str(Path(sys.prefix).resolve())  # the Python it runs, wherever the virtual environment lives
    assert not [path for path in bound - {environment}
                if str(course.root).startswith(path) or path.startswith(str(course.root))]
    assert "--unshare-all" in command and "--clearenv" in command and "--die-with-parent" in command


def test_the_kernel_computes_with_the_machines_blas_settings_and_nothing_else_of_the_graders(tmp_path, monkeypatch):
    # fails if OPENBLAS_CORETYPE is dropped (the kernel's floats then differ from the grader's, and chaotic training
    # runs end elsewhere), or if the grader's environment leaks in
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Haswell")
    monkeypatch.setenv("INSTRUCTOR_TOKEN", "secret")
    command = sandbox.command(["true"], tmp_path, tmp_path, sandbox.SandboxLimits())
    settings = {command[index + 1]: command[index + 2] for index, arg in enumerate(command) if arg == "--setenv"}
    assert settings["OPENBLAS_CORETYPE"] == "Haswell" and "INSTRUCTOR_TOKEN" not in settings


def test_inside_the_sandbox_python_is_there_and_the_course_is_gone(course, tmp_path):
    # fails if a course file, the grader's environment, a system folder or the sandbox's own root (an unbounded tmpfs)
    # is reachable or writable from inside, or if the folders shared with the grader could fill its disk (the
    # connection file's folder writable, the socket folder unbounded)
    connection = tmp_path / "connection"
    connection.mkdir()
    # (the kit's own package, where an installed kit puts it, is tested in test_installed_from_a_wheel_...)
    script = (f"test -x {sys.executable} && test ! -e {course.root}/source && test ! -e {course.gradebook} "
              "&& ! touch /usr/x 2>/dev/null && ! touch /x 2>/dev/null && ! touch /home/x 2>/dev/null && touch ~/x "
              "&& test -z \"$SECRET\" "
              f"&& test -d {connection} && ! touch {connection}/x 2>/dev/null "
              f"&& touch {sandbox.SOCKETS}/x && ! head -c 2097152 /dev/zero > {sandbox.SOCKETS}/fill 2>/dev/null "
              "&& echo confined")
    run = subprocess.run(sandbox.command(["/bin/sh", "-c", script], tmp_path, connection, sandbox.SandboxLimits()),
                         capture_output=True, text=True, env={"SECRET": "instructor token"}, timeout=60)
    assert run.stdout.strip() == "confined", run.stderr


@pytest.mark.slow
def test_installed_from_a_wheel_the_kit_is_hidden_from_the_kernel(course, tmp_path):
    # fails if the tmpfs laid over an installed package is dropped or misplaced: a kernel could then read the checks
    # and the reference of a kit installed with `pip install .` (an editable install keeps them in the repository,
    # which the sandbox never binds, so only a real installation tests this)
    source, venv = tmp_path / "source", tmp_path / "venv"
    shutil.copytree(course.root, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "autograded", "submitted", "feedback", "gradebook.db", "__pycache__"))
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "dependencies.pth").write_text("".join(f"{path}\n" for path in sys.path if path.endswith("site-packages")))
    # The wheel `pip install .` would install, unpacked where it would put it (pip itself, pointed at another
    # prefix, would uninstall this environment's editable kit).
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", tmp_path, source],
                   check=True, capture_output=True)
    zipfile.ZipFile(next(tmp_path.glob("nnkit-*.whl"))).extractall(site)
    probe = f'''
import subprocess, sys, tempfile
from pathlib import Path
import assignments, nnkit
from nnkit import sandbox
site = Path({str(site)!r})
kit, content = Path(nnkit.__file__).parent, Path(assignments.__path__[0])
assert kit.parent == site and content.parent == site, (kit, content)  # the wheel's copies, where the kernel reads
script = (f"test -e {{next(site.glob('nnkit-*.dist-info'))}}/METADATA && test -d {{kit}} && test ! -e {{kit}}/sandbox.py "
          f"&& test ! -e {{content}}/shallow_nn/reference.py && test ! -e {{content}}/deep_init/checks && echo hidden")
with tempfile.TemporaryDirectory() as folder:
    run = subprocess.run(sandbox.command(["/bin/sh", "-c", script], Path(folder), Path(folder),
                                         sandbox.SandboxLimits()), capture_output=True, text=True)
print(run.stdout.strip(), run.stderr.strip())
'''
    run = subprocess.run([venv / "bin" / "python", "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert run.stdout.strip() == "hidden", run.stdout + run.stderr


def test_the_grader_talks_only_to_the_connection_that_presents_its_token(tmp_path):
    # fails if the grader takes the first connection to its socket: the notebook's own code, reaching the socket
    # folder first, would then stand in for the kernel's server and break the exchange (a flaky "kernel died")
    path = str(tmp_path / "serve.sock")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(path)
        listener.listen(8)
        squatter, server = socket.socket(socket.AF_UNIX), socket.socket(socket.AF_UNIX)
        squatter.connect(path)
        squatter.sendall(b'\0\0\0\0\0\0\0\4"ok"')
        server.connect(path)
        server.sendall(b"0123456789abcdef" + b"answer")
        connection = remote._accept(listener, b"0123456789abcdef", time.monotonic() + 5)
        assert connection.recv(6) == b"answer"
        for end in (connection, squatter, server):
            end.close()


def test_the_kernel_is_killed_after_grading_unless_the_course_says_otherwise():
    # fails if the execute step waits for a graceful shutdown of a kernel whose sandbox is thrown away anyway (0.3 s
    # a submission), or the course's own setting is ignored
    assert SandboxedExecute().shutdown_kernel == "immediate"
    assert SandboxedExecute(config=Config({"Execute": {"shutdown_kernel": "graceful"}})).shutdown_kernel == "graceful"
