"""The sandbox a submission's kernel runs in: bubblewrap, resource limits, and nothing of the course.

The kernel sees the system's programs and Python read-only, a read-only copy of the
files the student was given, and two small private writable folders (its home and
/tmp, in memory, bounded). It sees no course: not source/, not the gradebook, not
other students, not this package (which holds the reference and the catalog's right
answers). It has no network, its own process tree (every process it starts dies with
it), no environment from the grader, and limits on memory, CPU time, file size and
processes. Without bubblewrap the kit refuses to grade rather than grade unsandboxed.
"""
import atexit
import contextlib
import functools
import importlib.util
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer, Unicode
from traitlets.config import Configurable

import nnkit
from nnkit import content

HOME = "/home/student"
MACHINE_SETTINGS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # passed into the sandbox as they are


class SandboxUnavailable(RuntimeError):
    """This machine cannot sandbox a kernel; the message says what to install or enable."""


class SandboxLimits(Configurable):
    """What one submission's kernel may use; set in nbgrader_config.py as c.SandboxLimits.memory = ... and so on."""

    memory = Integer(2 << 30, help="Bytes of address space: numpy's MemoryError, not the machine's OOM "
                                   "killer.").tag(config=True)
    cpu_seconds = Integer(300, help="Seconds of CPU time; then the kernel is killed.").tag(config=True)
    processes = Integer(64, help="Processes and threads at once: a fork bomb hits this, not the "
                                 "machine.").tag(config=True)
    disk = Integer(64 << 20, help="Bytes in each writable folder (its home, /tmp).").tag(config=True)
    file_size = Integer(32 << 20, help="Bytes in any one file it writes.").tag(config=True)


@functools.cache
def bwrap():
    """The bubblewrap executable, proven to start a sandbox here; SandboxUnavailable if there is none."""
    path = shutil.which("bwrap")
    if path is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed, so submissions cannot be sandboxed and the kit "
                                 "will not grade them: install it (Debian/Ubuntu: apt-get install bubblewrap).")
    probe = subprocess.run([path, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        raise SandboxUnavailable(f"bubblewrap cannot create a sandbox here ({probe.stderr.strip()}), so the kit will "
                                 "not grade: run the grading as root, or allow unprivileged user namespaces "
                                 "(sysctl kernel.unprivileged_userns_clone=1).")
    return path


def describe(limits):
    """One line saying how submissions will be confined here; SandboxUnavailable if they cannot be."""
    version = subprocess.run([bwrap(), "--version"], capture_output=True, text=True).stdout.strip()
    group = ProcessGroup(limits.processes)
    processes = (f"{limits.processes} processes" if group.path is not None else
                 "processes NOT bounded (no writable pids cgroup here: a fork bomb can slow the machine)")
    group.close()
    with tempfile.TemporaryDirectory() as folder:
        sockets = bound_folder(Path(folder))
        if sockets:
            subprocess.run(["umount", folder], capture_output=True)
    disk = f"{limits.disk >> 20} MiB per writable folder" + (
        "" if sockets else " (but its socket folder NOT bounded: grade as root to bound it)")
    return (f"Sandbox: {version}, no network, no course files; per submission {limits.memory >> 20} MiB of memory, "
            f"{limits.cpu_seconds} s of CPU, {processes}, {disk}.")


def bound_folder(folder, size=1 << 20):
    """Make the folder a small tmpfs of its own (root only); whether it is one."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def command(kernel_cmd, given, connection_dir, limits):
    """kernel_cmd wrapped in bubblewrap: `given` read-only, `connection_dir` shared for the kernel's sockets."""
    readable = [Path(p) for p in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc")]
    readable += sorted({Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()})
    args = [bwrap(), "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
            "--uid", "65534", "--gid", "65534", "--proc", "/proc", "--dev", "/dev",
            # The private folders first: a bind below /tmp (a virtual environment there, say) must land on top.
            "--size", str(limits.disk), "--tmpfs", "/tmp", "--size", str(limits.disk), "--tmpfs", HOME]
    for path in readable:
        if path.exists():
            args += ["--ro-bind", str(path), str(path)]
    for package in hidden_packages():  # installed in site-packages: hidden there (the checks know the answers)
        if any(package.is_relative_to(path) for path in readable):
            args += ["--tmpfs", str(package)]
    args += ["--ro-bind", str(given), "/given", "--ro-bind", str(font_cache()), "/fonts",
             "--bind", str(connection_dir), str(connection_dir), "--chdir", HOME]
    environment = {"HOME": HOME, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8",
                   "JPY_PARENT_PID": "1",  # ipykernel must not watch a parent it cannot see from its namespace
                   "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp", "PYTHONDONTWRITEBYTECODE": "1",
                   "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    # How the machine's OpenBLAS must run here (set where its default kernel computes wrong results): the kernel
    # computes as the grader does, to the last bit. Not a secret, and nothing a submission can use.
    environment.update((name, os.environ[name]) for name in MACHINE_SETTINGS if name in os.environ)
    for name, value in environment.items():
        args += ["--setenv", name, value]
    # The student's files are copied into the private home, where the notebook's code runs; matplotlib's font list
    # into its private cache, so that it is not built again for every submission.
    return args + ["/bin/sh", "-c", f'cp -R /given/. {HOME}/ && cp -R /fonts/. /tmp/ && exec "$0" "$@"', *kernel_cmd]


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
        if self.path is not None:
            (self.path / "cgroup.procs").write_text(str(os.getpid()))

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


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in the sandbox, talking over sockets in a private folder."""

    given = Unicode(help="folder of the files the student was given, shown read-only to the kernel").tag(config=True)

    def __init__(self, **kwargs):
        self.shared = Path(tempfile.mkdtemp(prefix="nnkit-kernel-"))  # the kernel's sockets, bound into the sandbox
        self._bounded = bound_folder(self.shared)  # writable from inside: it must not be a way to fill the disk
        bwrap()  # refuse now, before any kernel starts, if there is no sandbox
        super().__init__(transport="ipc", ip=str(self.shared / "kernel"),
                         connection_file=str(self.shared / "kernel.json"), **kwargs)
        self.limits = SandboxLimits(config=self.config)
        self._group = None
        self.process_limit_hit = False  # whether the kernel ever tried to run more processes than it may

    def format_kernel_cmd(self, extra_arguments=None):
        given = Path(self.given or self.shared / "given")
        given.mkdir(exist_ok=True)
        return command(super().format_kernel_cmd(extra_arguments), given, self.shared, self.limits)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        self._group = ProcessGroup(self.limits.processes)
        group, limits = self._group, self.limits

        def confine():  # runs in the child between fork and exec
            group.join()
            for which, value in ((resource.RLIMIT_AS, limits.memory), (resource.RLIMIT_CPU, limits.cpu_seconds),
                                 (resource.RLIMIT_FSIZE, limits.file_size), (resource.RLIMIT_CORE, 0)):
                resource.setrlimit(which, (value, value))

        # The kernel's own stdout and stderr could flood the grader's terminal: they go nowhere.
        kw.update(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=confine)
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"  # a signal to the sandbox's outer process would not reach it
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart)
        self._close_group()
        if self._bounded:
            subprocess.run(["umount", "--lazy", str(self.shared)], capture_output=True)
        shutil.rmtree(self.shared, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources

    def kill_now(self):
        """Stop the sandbox at once, with everything in it (from any thread)."""
        process = getattr(self.provisioner, "process", None)
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()  # the sandbox's own init dies with it, taking every process inside
        self._close_group()

    def _close_group(self):
        if self._group is not None and self._group.close():
            self.process_limit_hit = True
