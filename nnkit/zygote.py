"""The zygote: a sandboxed process that imports a kernel's modules once, then forks one kernel per submission.

This file runs inside a sandbox (nnkit.sandbox.command), as `python -c <this file>`; it
imports nothing of the kit, which the sandbox hides. The grader's side is nnkit.warm.

Why: a kernel's start (ipykernel, IPython, zmq, the debugger) and the notebook's imports
(numpy, matplotlib) cost 0.3 to 0.4 s of CPU per submission, and 0.8 s before the kernel
answers. Done once here, each kernel is a fork: the imports are shared, copy-on-write.

Threat model: each forked kernel runs a student's code, which may be hostile, and must
find exactly what a kernel of its own sandbox finds, and nothing another student left:
- Its own namespaces, nested in the zygote's: a user namespace; a mount namespace with
  fresh bounded tmpfs over every writable folder (its home with the given files, /tmp,
  /dev/shm, the socket folder), its own /dev/pts, /dev read-only, and a read-only empty
  /proc (the zygote's /proc would show the zygote, and let code of the same uid read its
  memory); a pid namespace, so that it can name no process outside, whose first process
  is an init, as bubblewrap's: code in the namespace cannot signal it, and when the
  kernel ends it ends, and every process there with it; its own network (none), IPC and
  host name.
- No capability: those its user namespace gave it are dropped before any student code
  runs, so it cannot unmount what hides the zygote's folders (nor could it: mounts it
  inherited are locked together by Linux).
- No file descriptor of the zygote's (its requests come on stdin): all are closed.
- Its limits (memory, CPU, file size, processes) set before it runs anything.
- The zygote itself never runs a student's code, is not dumpable (no other process of
  its uid may read or trace it), and holds nothing secret: a request carries the files
  every student is given and the connection of a kernel that is about to be its own.
- numpy's global random state is drawn afresh in each kernel, as a new import would.

Protocol (JSON lines): the grader writes {"fork": id, "connection": {...}, "given":
{path: base64}, "limits": {...}, "argv": [...], "probe": false} on stdin (a probe's fork
stops where the kernel would start); the zygote answers {"forked": id, "pid": pid} (its
pid in the zygote's namespace) and waits for {"go": id}: meanwhile the grader may move it
into a cgroup ({"drop": id} if it could not: the fork ends). It reports {"exited": id,
"status": code} when the fork ends.
"""
import base64
import contextlib
import ctypes
import importlib
import importlib.util
import json
import os
import re
import resource
import select
import shutil
import signal
import sqlite3  # noqa: F401 (this and the next four: what a kernel imports as it starts, imported once here)
import sys

import IPython.core.completerlib  # noqa: F401
import IPython.core.debugger  # noqa: F401
import IPython.extensions.storemagic  # noqa: F401
import ipykernel.debugger  # noqa: F401
import matplotlib.pyplot  # noqa: F401 (the notebooks all plot)
import numpy.random  # its global random state is drawn afresh in each kernel (below)
from ipykernel import kernelapp

LIBC = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x20000, 0x4000000, 0x8000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND = 1, 2, 4, 8, 32, 4096
MS_MOVE, MS_REC, MS_PRIVATE = 0x2000, 0x4000, 0x40000
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP = 1, 4, 24
LAST_CAPABILITY = 63  # dropping beyond the kernel's last one fails harmlessly
HOME, SOCKETS, FONTS = "/home/student", "/run/grader", "/fonts"


def _check(result, what):
    if result != 0:
        raise OSError(ctypes.get_errno(), f"{what}: {os.strerror(ctypes.get_errno())}")


def _mount(source, target, kind, flags, data=None):
    _check(LIBC.mount(source.encode(), target.encode(), kind and kind.encode(), flags, data and data.encode()),
           f"mount {target}")


def _tmpfs(target, size, mode, flags=MS_NOSUID | MS_NODEV):
    _mount("tmpfs", target, "tmpfs", flags, f"size={size},mode={mode}")


def _own_namespaces(limits):
    """In the fork, before any student code: namespaces of its own, fresh writable folders, /proc hidden."""
    uid, gid = os.getuid(), os.getgid()
    _check(LIBC.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS),
           "unshare")
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as file:
            file.write(text)
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    _fresh_tmp(limits["disk"])
    for target in (HOME, "/dev/shm"):
        _tmpfs(target, limits["disk"], "0755")
    _tmpfs(SOCKETS, limits["sockets"], "0700")
    _mount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620")
    _mount("none", "/dev", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)  # its nodes stay usable
    _tmpfs("/proc", 4096, "0555", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY)


def _fresh_tmp(size):
    """A fresh /tmp that keeps what the sandbox bound below it (a virtual environment there, say), with what covers
    parts of those (the kit's package, hidden): made at the socket folder, the binds carried over whole, moved."""
    below = [point for point in _mount_points() if point.startswith("/tmp/")]
    _tmpfs(SOCKETS, size, "0755")
    for point in below:
        if not any(point.startswith(other + "/") for other in below):  # nested ones come with their parent
            os.makedirs(SOCKETS + point[len("/tmp"):], exist_ok=True)
            _mount(point, SOCKETS + point[len("/tmp"):], None, MS_BIND | MS_REC)
    _mount(SOCKETS, "/tmp", None, MS_MOVE)


def _mount_points():
    """Where things are mounted, as this process sees them."""
    with open("/proc/self/mountinfo") as table:
        return [re.sub(r"\\([0-7]{3})", lambda octal: chr(int(octal.group(1), 8)), line.split()[4])
                for line in table]


def _place(given, connection):
    """The given files in the fresh home, matplotlib's font list in the fresh /tmp, the connection file; its path."""
    for name, data in given.items():
        path = os.path.join(HOME, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
    shutil.copytree(FONTS, "/tmp", dirs_exist_ok=True)
    path = os.path.join(SOCKETS, "kernel.json")
    with open(path, "w") as file:
        json.dump(connection, file)
    os.chdir(HOME)
    return path


def _confine(limits):
    """The kernel's limits, then no capability left: the last step before its code runs."""
    for which, value in ((resource.RLIMIT_AS, limits["memory"]), (resource.RLIMIT_CPU, limits["cpu_seconds"]),
                         (resource.RLIMIT_FSIZE, limits["file_size"]), (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(which, (value, value))
    if limits["processes"]:
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["processes"], limits["processes"]))
    for capability in range(LAST_CAPABILITY + 1):
        LIBC.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    _check(LIBC.capset(ctypes.byref(Header(0x20080522, 0)), (Data * 2)()), "capset")  # version 3: 64 bits, none


def _kernel(request, go):
    """The fork's life: its namespaces, then an init of its pid namespace, which forks the kernel."""
    os.dup2(os.open(os.devnull, os.O_RDWR), 0)
    os.dup2(0, 1)
    os.dup2(0, 2)  # the kernel's own stdout and stderr go nowhere, as a cold kernel's do
    limits = request["limits"]
    _own_namespaces(limits)
    path = _place(request["given"], request["connection"])
    if os.read(go, 1) != b"g":  # else the grader has put this process where it bounds its processes
        os._exit(0)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    init = os.fork()
    if init:  # outside the new pid namespace: the grader's handle on the kernel, which reports its end
        os._exit(_end_of(init))
    # The first process of the pid namespace, as bubblewrap's: code in the namespace cannot signal it, and when it
    # ends, with the kernel, every process there ends.
    LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    _confine(limits)
    kernel = os.fork()
    if kernel:
        os._exit(_end_of(kernel))
    if request.get("probe"):  # only to prove that a kernel can be forked so here
        os._exit(0)
    numpy.random.seed()  # a fresh global random state, as a kernel's own import of numpy draws
    importlib.invalidate_caches()  # the home is a new folder where the zygote's was
    sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, "-f", path, *request["argv"]]  # as a cold one's
    kernelapp.launch_new_instance(argv=sys.argv[1:])
    os._exit(0)


def _end_of(child):
    """Wait for the child, reaping any other process left to this one meanwhile; its exit code (128 + the signal
    that killed it, as a shell says)."""
    while True:
        pid, status = os.wait()
        if pid == child:
            code = os.waitstatus_to_exitcode(status)
            return code if code >= 0 else 128 - code


def _say(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    waiting, forks, pending = {}, {}, b""  # id -> write end of its go pipe; pid -> id
    ended, ending = os.pipe()  # a byte on it as each fork ends (SIGCHLD), which wakes the loop at once
    for end in (ended, ending):
        os.set_blocking(end, False)
    signal.set_wakeup_fd(ending)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler of Python's, so that the signal writes to `ending`
    _say({"ready": True})
    while True:
        readable = select.select([0, ended], [], [])[0]
        with contextlib.suppress(BlockingIOError):
            os.read(ended, 4096)  # before reaping: a fork ending after this wakes the next select
        while forks:  # report every fork that ended
            pid, status = os.waitpid(-1, os.WNOHANG)
            if not pid:
                break
            _say({"exited": forks.pop(pid), "status": os.waitstatus_to_exitcode(status)})
        if 0 not in readable:
            continue
        chunk = os.read(0, 1 << 20)
        if not chunk:  # the grader is gone
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            request = json.loads(line)
            if "go" in request or "drop" in request:
                ready = waiting.pop(request.get("go", request.get("drop")))
                with contextlib.suppress(BrokenPipeError):  # it failed before it could start: its exit is reported
                    os.write(ready, b"g" if "go" in request else b"")
                os.close(ready)  # dropped: it reads nothing, and ends
                continue
            go, ready = os.pipe()
            pid = os.fork()
            if pid == 0:
                try:
                    signal.set_wakeup_fd(-1)  # SIGCHLD as a cold kernel has it: the default, waking nothing
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    for end in (ready, ended, ending):
                        os.close(end)
                    LIBC.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # the grader reaches its sockets through /proc/<pid>
                    _kernel(request, go)
                finally:
                    os._exit(70)
            os.close(go)
            waiting[request["fork"]] = ready
            forks[pid] = request["fork"]
            _say({"forked": request["fork"], "pid": pid})


if __name__ == "__main__":
    main()
