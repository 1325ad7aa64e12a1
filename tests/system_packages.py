"""System programs some tests need, brought by the test run itself where it may (root, or sudo without a password).

The README's test command must pass on a fresh Debian or Ubuntu machine with nothing but Python: a test needing
Chromium or PostgreSQL installs Debian's package when it is missing, once, and otherwise fails with one line saying
how.
"""
import glob
import os
import shutil
import subprocess
from pathlib import Path


def installed(program, package):
    """The path of `program` (a glob pattern: the last match), installing the Debian package `package` first if it is
    missing and this run may."""
    if _found(program):
        return _found(program)
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    allowed = os.geteuid() == 0 or (shutil.which("sudo") and
                                     subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0)
    if apt and allowed:
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for step in (["update", "-qq"], ["install", "-y", "-qq", package]):
            run = subprocess.run([*sudo, apt, *step], capture_output=True, text=True, env=environment)
            if run.returncode != 0:
                raise RuntimeError(f"apt-get {' '.join(step)} failed: {run.stderr.strip()[-300:]}")
    if not _found(program):
        raise RuntimeError(f"{program} is missing: install it (sudo apt-get install {package}), or run the tests as root "
                           "or with passwordless sudo so that they install it themselves.")
    return _found(program)


def _found(program):
    matches = sorted(glob.glob(program))
    return Path(matches[-1]) if matches else None
