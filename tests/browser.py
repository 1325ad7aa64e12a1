"""Headless Chromium for the tests that read pages as people do (Debian's chromium package, installed by the tests
where it is missing: tests/system_packages.py), driven by playwright, which downloads no browser of its own."""
import contextlib
import os

import pytest
from playwright.sync_api import sync_playwright

import system_packages

CHROMIUM = os.environ.get("NNKIT_CHROMIUM", "/usr/bin/chromium")
# Headless, as root on a machine with no network: no sandbox, no GPU, none of Chromium's own background traffic.
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def launched():
    """A running Chromium (playwright's Browser); the test fails, saying how to install one, if there is none."""
    try:
        executable = system_packages.installed(CHROMIUM, "chromium")
    except RuntimeError as error:
        pytest.fail(f"{error} (or name another Chromium in NNKIT_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()
