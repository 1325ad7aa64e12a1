"""The kernel manager of a submission's kernel: forked warm from the zygote, or started cold in a sandbox of its own.

Either way the kernel runs sandboxed (nnkit.sandbox), talks to the grader over sockets in
its own small folder, which the grader reaches through /proc/<pid>/root, and is bounded
by the same limits. Warm (the default, where nnkit.warm.available proves it works) saves
the kernel's start and the notebook's imports; cold starts Python in a new sandbox.
"""
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

import zmq
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Type, Unicode
from traitlets.config import Config

from nnkit import sandbox, warm
from nnkit.bubblewrap import SandboxUnavailable, bwrap

LAUNCHER = ["-m", "ipykernel_launcher"]  # the kernel the zygote has imported, in this Python
# IPython's history database costs a write per cell (1.2 ms of the kernel's 4.5 ms per cell, measured here) in a home
# thrown away after grading: off. `In`, `Out` and %history still hold the session's cells.
NO_HISTORY = "--HistoryManager.enabled=False"


def describe(config):
    """The sandbox's line (nnkit.sandbox.describe) and how kernels start here; SandboxUnavailable if they cannot."""
    config = Config(config)
    limits = sandbox.SandboxLimits(config=config)
    line = sandbox.describe(limits)
    if not config.SandboxedKernelManager.get("warm", SandboxedKernelManager.warm.default_value):
        return f"{line} Kernels start cold (c.SandboxedKernelManager.warm is False)."
    why_not = warm.available(limits)
    return f"{line} " + ("Kernels are forked warm from a sandboxed zygote." if why_not is None else
                         f"Kernels start cold: they cannot be forked warm here ({why_not}).")


class KernelClient(AsyncKernelClient):
    """jupyter_client's client, ready as soon as the kernel has answered on both channels.

    jupyter_client's own waits, after that, until the kernel's output has been silent for 0.2 s, to drop it: 0.2 s
    of a core left idle per submission. nbclient reads only the output of its own requests, so nothing is dropped.
    """

    def start_channels(self, *args, **kwargs):
        # The kernel's sockets appear a moment after it starts: try again every 10 ms, not zmq's 100 ms.
        self.context.setsockopt(zmq.RECONNECT_IVL, 10)
        super().start_channels(*args, **kwargs)

    async def wait_for_ready(self, timeout=None):
        deadline = time.monotonic() + (timeout or 60)
        while time.monotonic() < deadline:
            request = self.kernel_info()
            reply = await self._answer(self.shell_channel, request, 1)
            # The kernel's status for this very request proves the output channel connected: output is not lost.
            if reply is not None and await self._answer(self.iopub_channel, request, 0.2) is not None:
                self._handle_kernel_info_reply(reply)
                return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
        raise RuntimeError(f"Kernel didn't respond in {timeout} s")

    @staticmethod
    async def _answer(channel, request, seconds):
        """The first message on the channel in answer to `request` within `seconds`, or None."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = await channel.get_msg(timeout=left)
            except Empty:
                return None
            if message["parent_header"].get("msg_id") == request:
                return message
        return None


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in the sandbox, talking over sockets in the sandbox's own small folder."""

    client_factory = Type(KernelClient, klass=AsyncKernelClient)

    given = Unicode(help="folder of the files the student was given, shown read-only to the kernel").tag(config=True)
    warm = Bool(True, help="Fork each kernel from a sandboxed process that has imported ipykernel, numpy and "
                           "matplotlib once (nnkit.zygote), where this machine allows it: 0.3 to 0.4 s of CPU less "
                           "per submission, and a kernel ready 0.8 s sooner. False: each kernel starts cold, in a "
                           "sandbox of its own.").tag(config=True)

    def __init__(self, **kwargs):
        self.shared = Path(tempfile.mkdtemp(prefix="nnkit-kernel-"))  # the connection file, read-only from inside
        bwrap()  # refuse now, before any kernel starts, if there is no sandbox
        super().__init__(transport="ipc", ip=str(sandbox.SOCKETS / "kernel"),
                         connection_file=str(self.shared / "kernel.json"), **kwargs)
        self.limits = sandbox.SandboxLimits(config=self.config)
        self._group = None
        self._processes = None  # the RLIMIT_NPROC it gets, where no cgroup bounds its processes
        self._info = None  # the pipe bwrap writes the sandbox's pid to
        self._forked = False  # whether this kernel is forked from the zygote
        self.sockets_here = None  # SOCKETS as this process reaches it, once the sandbox runs
        self.process_limit_hit = False  # whether the kernel ever tried to run more processes than it may

    def format_kernel_cmd(self, extra_arguments=None):
        kernel_cmd = super().format_kernel_cmd(extra_arguments)
        if kernel_cmd[1:3] == LAUNCHER:
            kernel_cmd.append(NO_HISTORY)
        self._group = sandbox.ProcessGroup(self.limits.processes)
        rlimit = self._group.path is None and sandbox.rlimit_bounds_a_sandbox()
        self._processes = self.limits.processes if rlimit else None
        self._forked = (self.warm and kernel_cmd[1:3] == LAUNCHER and _same_python(kernel_cmd[0])
                        and warm.available(self.limits) is None)
        if self._forked:
            return kernel_cmd
        given = Path(self.given or self.shared / "given")
        given.mkdir(exist_ok=True)
        self._info = os.pipe()
        return sandbox.command(kernel_cmd, given, self.shared, self.limits, processes=self._processes,
                               info_fd=self._info[1])

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"  # a signal to the sandbox's outer process would not reach it
        if self._forked:
            pid = self._fork(kernel_cmd)
        else:
            pid = await self._start_cold(kernel_cmd, **kw)
        # The grader's side of the sockets: the sandbox's own folder, through its first process's root.
        self.sockets_here = Path(f"/proc/{pid}/root") / sandbox.SOCKETS.relative_to("/")
        self.ip = str(self.sockets_here / "kernel")

    def _fork(self, kernel_cmd):
        """The kernel, forked from this process's zygote; the pid whose root holds its sockets."""
        connection = {**self.get_connection_info(session=False), "ip": str(sandbox.SOCKETS / "kernel")}
        connection["key"] = connection["key"].decode()
        arguments = kernel_cmd[3:]
        at = arguments.index("-f")
        given = Path(self.given) if self.given else None
        files = {str(path.relative_to(given)): path.read_bytes()
                 for path in sorted(given.rglob("*")) if path.is_file()} if given else {}
        fork = [connection, files, arguments[:at] + arguments[at + 2:], self._group, self._processes]
        try:
            process = warm.zygote(self.limits).fork(*fork)
        except SandboxUnavailable:  # the zygote ended (killed from outside): a new one is started
            process = warm.zygote(self.limits).fork(*fork)
        self.provisioner.process, self.provisioner.pid, self.provisioner.pgid = process, process.pid, None
        self._reconcile_connection_info(self.provisioner.connection_info)
        return process.pid

    async def _start_cold(self, kernel_cmd, **kw):
        """The kernel, started in a new sandbox; the pid whose root holds its sockets."""
        group, limits = self._group, self.limits

        def confine():  # runs in the child between fork and exec
            group.join()
            for which, value in ((resource.RLIMIT_AS, limits.memory), (resource.RLIMIT_CPU, limits.cpu_seconds),
                                 (resource.RLIMIT_FSIZE, limits.file_size), (resource.RLIMIT_CORE, 0)):
                resource.setrlimit(which, (value, value))

        # The kernel's own stdout and stderr could flood the grader's terminal: they go nowhere.
        kw.update(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=confine, pass_fds=(self._info[1],))
        try:
            await super()._async_launch_kernel(kernel_cmd, **kw)
        finally:
            os.close(self._info[1])
        try:
            return sandbox.child_pid(self._info[0])
        finally:
            os.close(self._info[0])

    def sockets(self):
        """The socket folder as (this process reaches it, the kernel reaches it)."""
        return self.sockets_here, sandbox.SOCKETS

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart)
        self._close_group()
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


def _same_python(executable):
    """Whether a kernel's Python is this one, the zygote's (a course's kernel spec may name another)."""
    found = shutil.which(executable)
    return found is not None and Path(found).resolve() == Path(sys.executable).resolve()
