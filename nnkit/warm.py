"""Warm kernels: the grader's side of the zygote (nnkit.zygote), which forks a sandboxed kernel per submission.

One zygote per grading process (a worker, or `nbgrader autograde` itself), started at its
first kernel in a sandbox like a cold kernel's (nnkit.sandbox.command) and kept for the
next ones. A kernel forked from it gets namespaces, folders and limits of its own (the
zygote's docstring says how, and what it guards against); to the kernel manager it is a
`ForkedKernel`, which answers as the Popen of a cold kernel would.

Whether this machine can fork kernels so is proven once per process by forking one
(`available`); where it cannot (nested user namespaces refused), kernels start cold, and
`nnkit.kernels.describe` says so.
"""
import atexit
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from nnkit import sandbox
from nnkit.bubblewrap import SandboxUnavailable

SOURCE = (Path(__file__).parent / "zygote.py").read_text()
START_SECONDS = 60  # its imports, on a loaded machine
KILL_SECONDS = 5


class Zygote:
    """A running zygote: `fork` asks it for a kernel."""

    def __init__(self, limits):
        self.folder = Path(tempfile.mkdtemp(prefix="nnkit-zygote-"))  # nothing given, no connection: both per fork
        atexit.register(shutil.rmtree, self.folder, True)
        info = os.pipe()
        command = sandbox.command([sys.executable, "-c", SOURCE], self.folder, self.folder, limits, info_fd=info[1])
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, pass_fds=(info[1],))
        finally:
            os.close(info[1])
        try:
            outer = sandbox.child_pid(info[0])
        finally:
            os.close(info[0])
        self.limits, self.ids, self.lock = limits, itertools.count(), threading.Lock()
        self.replies, self.exits, self.arrived = {}, {}, threading.Condition()
        threading.Thread(target=self._listen, daemon=True).start()
        try:
            self._await("ready", START_SECONDS)
            self.pid = _descendant(outer, lambda pid: True)  # the zygote: the sandbox's only process but its init
        except SandboxUnavailable:
            self.process.kill()
            raise

    def _listen(self):
        for line in self.process.stdout:
            message = json.loads(line)
            with self.arrived:
                if "exited" in message:
                    self.exits[message["exited"]] = message["status"]
                else:
                    self.replies[next(iter(message))] = message
                self.arrived.notify_all()
        with self.arrived:
            self.replies["gone"] = {}
            self.arrived.notify_all()

    def _await(self, kind, seconds):
        """The zygote's next message of this kind ("ready", "forked"); SandboxUnavailable if it ends first."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: kind in self.replies or "gone" in self.replies, seconds):
                raise SandboxUnavailable(f"the zygote did not answer within {seconds} s")
            if kind not in self.replies:
                raise SandboxUnavailable("the zygote ended")
            return self.replies.pop(kind)

    def alive(self):
        return "gone" not in self.replies and self.process.poll() is None

    def fork(self, connection, given, argv, group, processes, probe=False):
        """A kernel forked for one submission: its connection (dict), the files given (relative path -> bytes),
        ipykernel's arguments, the ProcessGroup to put it in, its RLIMIT_NPROC (None: not set). A ForkedKernel.
        With `probe`, the fork confines itself and ends with 0 where it would start the kernel."""
        limits = {"memory": self.limits.memory, "cpu_seconds": self.limits.cpu_seconds,
                  "file_size": self.limits.file_size, "disk": self.limits.disk, "processes": processes,
                  "sockets": sandbox.SOCKET_FOLDER_BYTES}
        with self.lock:
            number = next(self.ids)
            self._send({"fork": number, "connection": connection, "argv": argv, "limits": limits, "probe": probe,
                        "given": {name: base64.b64encode(data).decode() for name, data in given.items()}})
            pid = self._await("forked", START_SECONDS)["pid"]
            try:
                host = _descendant(self.pid, lambda candidate: _namespace_pid(candidate) == pid)
                group.add(host)
            except (SandboxUnavailable, OSError):
                self._send({"drop": number})
                raise
            self._send({"go": number})
        return ForkedKernel(self, number, host)

    def _send(self, message):
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
        except OSError as error:
            raise SandboxUnavailable(f"the zygote ended ({error})") from None


class ForkedKernel:
    """A forked kernel, as jupyter_client's provisioner handles a Popen: poll, wait, send_signal, kill."""

    stdin = stdout = stderr = None

    def __init__(self, zygote, number, pid):
        self.zygote, self.number, self.pid, self.returncode = zygote, number, pid, None

    def poll(self):
        if self.returncode is None:
            with self.zygote.arrived:
                if self.number in self.zygote.exits:
                    self.returncode = self.zygote.exits.pop(self.number)
                elif not self.zygote.alive():
                    self.returncode = -9  # the zygote ended, and its sandbox with everything in it
        return self.returncode

    def wait(self, timeout=None):
        with self.zygote.arrived:
            if not self.zygote.arrived.wait_for(lambda: self.poll() is not None, timeout):
                raise subprocess.TimeoutExpired("forked kernel", timeout)
        return self.returncode

    def send_signal(self, signum):
        """To the fork (the kernel's parent): SIGKILL takes the kernel, and its pid namespace, with it, and returns
        once it has ended (jupyter_client would otherwise poll for its end every 0.1 s)."""
        if self.poll() is None:
            os.kill(self.pid, signum)
            if signum == signal.SIGKILL:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.wait(KILL_SECONDS)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def terminate(self):
        self.send_signal(signal.SIGTERM)


def _namespace_pid(pid):
    """A process's pid in its own (innermost) pid namespace; None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = next((line for line in status.splitlines() if line.startswith("NSpid:")), None)  # Linux 4.1 and later
    return int(found.split()[-1]) if found else None


def _descendant(ancestor, matches, depth=3):
    """The first process below `ancestor` (within `depth` generations) that `matches`; SandboxUnavailable if none."""
    generation = [ancestor]
    for _ in range(depth):
        generation = [int(child) for parent in generation for task in _tasks(parent)
                      for child in _read(f"/proc/{parent}/task/{task}/children").split()]
        for pid in generation:
            if matches(pid):
                return pid
    raise SandboxUnavailable(f"no process of the sandbox of process {ancestor} could be found")


def _tasks(pid):
    try:
        return os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []


def _read(path):
    try:
        return Path(path).read_text()
    except OSError:
        return ""


_zygotes, _proven = {}, {}  # limits -> this process's zygote; limits -> why kernels cannot be forked (None: they can)
_lock = threading.Lock()


def zygote(limits):
    """This process's zygote for these limits, started at the first call or when the last one ended."""
    key = _key(limits)
    with _lock:
        found = _zygotes.get(key)
        if found is None or not found.alive():
            found = _zygotes[key] = Zygote(limits)
        return found


def available(limits):
    """Whether kernels with these limits can be forked warm here: None if so, else why not (proven once per process,
    by starting the zygote they will be forked from and forking a kernel that stops where it would start)."""
    key = _key(limits)
    if key not in _proven:
        group = sandbox.ProcessGroup(limits.processes)
        try:
            status = zygote(limits).fork({}, {}, [], group, limits.processes, probe=True).wait(START_SECONDS)
            _proven[key] = None if status == 0 else f"a fork could not confine itself (it ended with {status})"
        except (SandboxUnavailable, OSError, subprocess.TimeoutExpired) as error:
            _proven[key] = f"no zygote ({error})"
        finally:
            group.close()
    return _proven[key]


def _key(limits):
    return limits.memory, limits.cpu_seconds, limits.processes, limits.disk, limits.file_size
