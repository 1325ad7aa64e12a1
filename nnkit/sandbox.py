"""The sandbox a submission's kernel runs in: bubblewrap, resource limits, and nothing of the course.

The kernel sees the system's programs and Python read-only, a read-only copy of the
files the student was given, and small private writable folders (its home, /tmp, and
the folder of the sockets it shares with the grader), each a tmpfs of its own, bounded.
It sees no course: not source/, not the gradebook, not other students, not this package
(which holds the reference and the catalog's right answers). It has no network, its own
process tree (every process it starts dies with it), no environment from the grader, and
limits on memory, CPU time, file size and processes. Without bubblewrap the kit refuses
to grade rather than grade unsandboxed (nnkit.bubblewrap finds it, or says why not).

Every bound holds for an ordinary user too, without root or a cgroup of one's own:
- processes: a pids cgroup where the grader may make one (root), else RLIMIT_NPROC set
  inside the sandbox, which Linux (5.14 and later) counts per user namespace, so it
  bounds the sandbox's processes and not the grader's;
- the socket folder: the sandbox's own small tmpfs, which the grader reaches through
  /proc/<sandbox's pid>/root (bwrap --info-fd gives the pid). No folder of the grader's
  filesystem is writable from inside, so there is no disk to fill.
"""
import atexit
import contextlib
import functools
import importlib.util
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from traitlets import Integer
from traitlets.config import Configurable

import nnkit
from nnkit import content
from nnkit.bubblewrap import SandboxUnavailable, bwrap

HOME = "/home/student"
SOCKETS = Path("/run/grader")  # inside the sandbox: the kernel's sockets and the grader's
SOCKET_FOLDER_BYTES = 1 << 20
MACHINE_SETTINGS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # passed into the sandbox as they are
# Run inside the sandbox before the kernel: bound its processes, then become the kernel (argv: limit, command...).
LIMIT_PROCESSES = ("import os, resource, sys; n = int(sys.argv[1]); resource.setrlimit(resource.RLIMIT_NPROC, (n, n)); "
                   "os.execvp(sys.argv[2], sys.argv[2:])")

class SandboxLimits(Configurable):
    """What one submission's kernel may use; set in nbgrader_config.py as c.SandboxLimits.memory = ... and so on."""

    memory = Integer(2 << 30, help="Bytes of address space: numpy's MemoryError, not the machine's OOM "
                                   "killer.").tag(config=True)
    cpu_seconds = Integer(300, help="Seconds of CPU time; then the kernel is killed.").tag(config=True)
    processes = Integer(64, help="Processes and threads at once: a fork bomb hits this, not the "
                                 "machine.").tag(config=True)
    disk = Integer(64 << 20, help="Bytes in each writable folder (its home, /tmp).").tag(config=True)
    file_size = Integer(32 << 20, help="Bytes in any one file it writes.").tag(config=True)


def describe(limits):
    """One line saying how submissions will be confined here; SandboxUnavailable if they cannot be."""
    found = bwrap()
    processes = {"cgroup": f"{limits.processes} processes (a pids cgroup)",
                 "rlimit": f"{limits.processes} processes (RLIMIT_NPROC in its own user namespace)",
                 None: "processes NOT bounded (no pids cgroup to make, and this Linux counts RLIMIT_NPROC across "
                       "all of the user's processes: grade as root, or on Linux 5.14 or newer)"}[process_bound()]
    return (f"Sandbox: {found}, no network, no course files; per submission {limits.memory >> 20} MiB of memory, "
            f"{limits.cpu_seconds} s of CPU, {processes}, {limits.disk >> 20} MiB per writable folder and "
            f"{SOCKET_FOLDER_BYTES >> 20} MiB for the sockets it shares with the grader.")


def process_bound():
    """How a sandbox's processes are bounded here: "cgroup", "rlimit", or None if they cannot be."""
    group = ProcessGroup(1)
    if group.path is not None:
        group.close()
        return "cgroup"
    return "rlimit" if rlimit_bounds_a_sandbox() else None


@functools.cache
def rlimit_bounds_a_sandbox(limit=8, tries=16):
    """Whether RLIMIT_NPROC set inside a sandbox lets it fork, yet fewer than `tries` times: proven by doing it."""
    forks = ("import os, time\nn = 0\nfor _ in range(%d):\n    try:\n        pid = os.fork()\n    except OSError:\n"
             "        break\n    if pid == 0:\n        time.sleep(5)\n        os._exit(0)\n    n += 1\nprint(n)" % tries)
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run(command([sys.executable, "-I", "-S", "-c", forks], Path(folder), Path(folder),
                                     SandboxLimits(), processes=limit), capture_output=True, text=True, timeout=60)
    return run.stdout.strip().isdigit() and 0 < int(run.stdout) < tries


def command(kernel_cmd, given, connection_dir, limits, processes=None, info_fd=None):
    """kernel_cmd wrapped in bubblewrap: `given` read-only, `connection_dir` (its connection file) read-only, its
    sockets in a small tmpfs at SOCKETS; `processes` bounds its processes by RLIMIT_NPROC; bwrap writes its child's
    pid to `info_fd`."""
    readable = [Path(p) for p in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc")]
    readable += sorted({Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()})
    args = [bwrap().path, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
            "--uid", "65534", "--gid", "65534", "--proc", "/proc", "--dev", "/dev",
            # The private folders first: a bind below /tmp (a virtual environment there, say) must land on top.
            "--size", str(limits.disk), "--tmpfs", "/tmp", "--size", str(limits.disk), "--tmpfs", HOME,
            "--size", str(SOCKET_FOLDER_BYTES), "--perms", "0700", "--tmpfs", str(SOCKETS)]
    for path in readable:
        if path.exists():
            args += ["--ro-bind", str(path), str(path)]
    for package in hidden_packages():  # installed in site-packages: hidden there (the checks know the answers)
        if any(package.is_relative_to(path) for path in readable):
            args += ["--tmpfs", str(package)]
    args += ["--ro-bind", str(given), "/given", "--ro-bind", str(font_cache()), "/fonts",
             "--ro-bind", str(connection_dir), str(connection_dir),
             "--remount-ro", "/",  # bwrap's own root is a tmpfs too, and unbounded: nothing may be written there
             "--chdir", HOME]
    if info_fd is not None:
        args += ["--info-fd", str(info_fd)]
    environment = {"HOME": HOME, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8",
                   "JPY_PARENT_PID": "1",  # ipykernel must not watch a parent it cannot see from its namespace
                   "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp", "PYTHONDONTWRITEBYTECODE": "1",
                   "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    # How the machine's OpenBLAS must run here (set where its default kernel computes wrong results): the kernel
    # computes as the grader does, to the last bit. Not a secret, and nothing a submission can use.
    environment.update((name, os.environ[name]) for name in MACHINE_SETTINGS if name in os.environ)
    for name, value in environment.items():
        args += ["--setenv", name, value]
    if processes is not None:
        kernel_cmd = [sys.executable, "-I", "-S", "-c", LIMIT_PROCESSES, str(processes), *kernel_cmd]
    # The student's files are copied into the private home, where the notebook's code runs; matplotlib's font list
    # into its private cache, so that it is not built again for every submission.
    return args + ["/bin/sh", "-c", f'cp -R /given/. {HOME}/ && cp -R /fonts/. /tmp/ && exec "$0" "$@"', *kernel_cmd]


def child_pid(info, seconds=60):
    """The sandbox's first process, as this machine numbers it, from bwrap's --info-fd; SandboxUnavailable if none."""
    data, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline:
        if select.select([info], [], [], max(0.0, deadline - time.monotonic()))[0]:
            chunk = os.read(info, 4096)
            data += chunk
            with contextlib.suppress(ValueError):
                return int(json.loads(data)["child-pid"])
            if not chunk:
                break
    raise SandboxUnavailable(f"bubblewrap did not start the sandbox (it said {data[:200]!r}).")


def hidden_packages():
    """Where the kit and the course's assignments are installed: never for the kernel to read."""
    found = [Path(nnkit.__file__).resolve().parent]
    spec = importlib.util.find_spec(content.PACKAGE)
    found += [Path(folder).resolve() for folder in (spec.submodule_search_locations or [])] if spec else []
    return found


@functools.cache
def font_cache():
    """A folder holding matplotlib's list of this machine's fonts, built once per grading process."""
    folder = Path(tempfile.mkdtemp(prefix="nnkit-fonts-"))
    atexit.register(shutil.rmtree, folder, True)
    subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], capture_output=True,
                   env={**os.environ, "MPLCONFIGDIR": str(folder)})
    return folder


class ProcessGroup:
    """A cgroup bounding the number of processes, where the machine has a writable pids controller."""

    ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))  # cgroup v1, then v2

    def __init__(self, limit):
        self.path = None
        for root in self.ROOTS:
            path = root / f"nnkit-{uuid.uuid4().hex[:12]}"
            try:
                path.mkdir()
                (path / "pids.max").write_text(str(limit))
            except OSError:  # no such controller, or not ours to use
                with contextlib.suppress(OSError):
                    path.rmdir()
                continue
            self.path = path
            break

    def join(self):
        """In the kernel's process, before it runs anything: enter the group."""
        self.add(os.getpid())

    def add(self, pid):
        """Put a process in the group (before it starts the kernel: what it starts is in the group too)."""
        if self.path is not None:
            (self.path / "cgroup.procs").write_text(str(pid))

    def close(self):
        """Kill whatever is left in the group, then remove it. Whether a fork was ever refused for the limit."""
        if self.path is None:
            return False
        refused = False
        with contextlib.suppress(OSError, ValueError):
            refused = int((self.path / "pids.events").read_text().split()[1]) > 0  # "max <forks refused>"
        with contextlib.suppress(OSError):
            for pid in (self.path / "cgroup.procs").read_text().split():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
        for _ in range(100):
            try:
                self.path.rmdir()
            except FileNotFoundError:
                pass
            except OSError:  # busy: killed processes still exiting
                time.sleep(0.01)
                continue
            self.path = None
            return refused
        return refused
