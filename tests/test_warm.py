"""Warm kernels (nnkit.zygote, nnkit.warm): forked from one sandboxed zygote, each as confined as a cold kernel.

Each test runs code in kernels started as the kit starts them, and reads what it printed.
"""
import nbclient
import nbformat
import pytest
from traitlets.config import Config

from nnkit import kernels, sandbox, warm
from nnkit.kernels import SandboxedKernelManager

pytestmark = pytest.mark.slow
SMALL = {"disk": 1 << 20, "memory": 1 << 30, "cpu_seconds": 60, "file_size": 1 << 20, "processes": 32}


def run(code, warm_kernels=True, limits=None):
    """What `code` printed in a kernel the kit started, and the kernel's manager."""
    config = Config({"SandboxedKernelManager": {"warm": warm_kernels}, "SandboxLimits": limits or {}})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    km = SandboxedKernelManager(config=config)
    nbclient.NotebookClient(nb, km=km, timeout=60, shutdown_kernel="immediate").execute()
    printed = "".join(output.get("text", "") for output in nb.cells[0].outputs)
    assert not [output for output in nb.cells[0].outputs if output.output_type == "error"], nb.cells[0].outputs
    return printed.strip(), km


def test_a_kernel_is_forked_warm_where_the_machine_allows_and_cold_where_the_course_says():
    # fails if warm kernels are silently off (the machine refuses nested namespaces, or the fork is never chosen), if
    # c.SandboxedKernelManager.warm = False is ignored, or if `nnkit grade` does not say which it is
    assert warm.available(sandbox.SandboxLimits()) is None
    printed, km = run("print('warm')")
    assert (printed, km._forked) == ("warm", True)
    printed, km = run("print('cold')", warm_kernels=False)
    assert (printed, km._forked) == ("cold", False)
    assert kernels.describe({}).endswith("Kernels are forked warm from a sandboxed zygote.")
    assert "Kernels start cold" in kernels.describe({"SandboxedKernelManager": {"warm": False}})


def test_a_forked_kernel_finds_nothing_an_earlier_one_left():
    # fails if forks share a writable folder (/tmp, the home, /dev/shm, /dev itself) or a kernel is reused: one
    # student's notebook could then leave files or state for the next one's
    zygote = warm.zygote(sandbox.SandboxLimits())
    leave = ("import builtins, os, numpy\n"
             "for folder in ('/tmp', os.path.expanduser('~'), '/dev/shm'):\n"
             "    open(folder + '/left_behind', 'w').write('x')\n"
             "builtins.left_behind = numpy.left_behind = True\n"
             "os.environ['LEFT_BEHIND'] = '1'\n"
             "try:\n    open('/dev/left_behind', 'w')\nexcept OSError as error:\n    print(type(error).__name__)")
    look = ("import builtins, os, numpy\n"
            "print([folder for folder in ('/tmp', os.path.expanduser('~'), '/dev/shm', '/dev') "
            "if 'left_behind' in os.listdir(folder)], hasattr(builtins, 'left_behind'), "
            "hasattr(numpy, 'left_behind'), 'LEFT_BEHIND' in os.environ)")
    assert run(leave)[0] == "OSError"
    assert run(look)[0] == "[] False False False"
    assert warm.zygote(sandbox.SandboxLimits()) is zygote and zygote.alive()  # both forked from the same one


def test_a_forked_kernel_keeps_what_the_sandbox_bound_below_tmp_under_a_fresh_tmp():
    # fails if the fork's fresh /tmp covers what the sandbox bound below it: Python itself, where a virtual
    # environment lives in /tmp (a CI's clone), and with it every module a kernel imports as it starts
    zygote = warm.zygote(sandbox.SandboxLimits())
    assert str(zygote.folder).startswith("/tmp/")  # bound, read-only, at the same path in the zygote's sandbox
    code = (f"import os\nprint(os.path.isdir({str(zygote.folder)!r}), os.access({str(zygote.folder)!r}, os.W_OK), "
            "sorted(name for name in os.listdir('/tmp') if name.startswith('nnkit-zygote-')) != [])")
    assert run(code)[0] == "True False True"


def test_a_forked_kernel_names_no_process_but_its_own_and_cannot_uncover_the_zygotes():
    # fails if the zygote's /proc is left visible (code of the same uid could read the zygote's memory, or see and
    # signal another kernel), if the fork keeps a capability (to unmount what covers it), or if a user namespace of
    # its own lets it take the cover off
    code = ("import ctypes, os\n"
            "libc = ctypes.CDLL(None, use_errno=True)\n"
            "class Header(ctypes.Structure):\n"
            "    _fields_ = [('version', ctypes.c_uint32), ('pid', ctypes.c_int)]\n"
            "capabilities = (ctypes.c_uint32 * 6)()\n"
            "libc.capget(ctypes.byref(Header(0x20080522, 0)), capabilities)\n"
            "print(os.getpid(), os.listdir('/proc'), list(capabilities), libc.umount2(b'/proc', 2))\n"
            "print(libc.unshare(0x10000000 | 0x20000), libc.umount2(b'/proc', 2), "
            "libc.mount(b'proc', b'/proc', b'proc', 0, None), os.listdir('/proc'))")
    printed, _ = run(code)
    mine, in_a_namespace_of_its_own = printed.splitlines()
    assert mine == "2 [] [0, 0, 0, 0, 0, 0] -1"  # the kernel after its init; nothing in /proc; no capability
    assert in_a_namespace_of_its_own in ("0 -1 -1 []", "-1 -1 -1 []")  # made or refused, it uncovers nothing


def test_forked_kernels_draw_their_own_random_numbers():
    # fails if a fork keeps the zygote's numpy random state: every student's unseeded draws would be the same
    code = "import numpy, random\nprint(numpy.random.rand(), random.random())"
    first, second = run(code)[0].split(), run(code)[0].split()
    assert first[0] != second[0] and first[1] != second[1]


def test_a_forked_kernel_is_held_to_the_courses_limits():
    # fails if a fork keeps the zygote's limits instead of the course's, or a writable folder is unbounded
    code = ("import resource\n"
            "print([resource.getrlimit(getattr(resource, 'RLIMIT_' + name))[0] for name in ('AS', 'CPU', 'FSIZE')])\n"
            "try:\n    for name in 'ab':\n        open('/tmp/' + name, 'wb').write(bytes(700 << 10))\n"
            "except OSError as error:\n    print(error.errno)")
    printed, km = run(code, limits=SMALL)
    assert km._forked
    assert printed.splitlines() == [str([SMALL["memory"], SMALL["cpu_seconds"], SMALL["file_size"]]), "28"]  # ENOSPC
