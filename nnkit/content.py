"""An assignment's grader-side content (assignments/<id>/ in the course): read, shipped as data, made importable.

Test cells import their checks from it (`from assignments.shallow_nn.checks import sizes`),
in the grader only: the sandbox binds nothing of the course. A worker gets the files as
data with each notebook (nnkit.scaleout.execution), like the files the student was given,
and imports them from a folder of its own, one per version of the content: a worker that
outlives a change of the checks (a long-lived Dask cluster) forgets the old modules.
"""
import atexit
import contextlib
import hashlib
import importlib
import shutil
import sys
import tempfile
from pathlib import Path

PACKAGE = "assignments"  # the course's folder of grader-side content, and the package it imports as


def files(root, assignment):
    """{path below the course root: bytes} of the assignment's grader-side content, with the package's __init__."""
    root, folder = Path(root), Path(root) / PACKAGE / assignment
    found = {f"{PACKAGE}/__init__.py": (root / PACKAGE / "__init__.py").read_bytes()}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:  # Python's caches are no content
            found[str(path.relative_to(root))] = path.read_bytes()
    return found


@contextlib.contextmanager
def importable(content):
    """Meanwhile, `import assignments.<id>` finds this content (files() of it); kept on disk while the process lives."""
    folder = _written(content)
    package = sys.modules.get(PACKAGE)
    if package is not None and Path(package.__file__).parent.parent != folder:  # other content was imported here
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    sys.path.insert(0, str(folder))
    try:
        yield folder
    finally:
        sys.path.remove(str(folder))


_written_folders = {}  # digest of the content -> the private folder (mode 0700) this process wrote it to


def _written(content):
    digest = hashlib.sha256(b"".join(name.encode() + b"\0" + data for name, data in sorted(content.items()))).digest()
    if digest not in _written_folders:
        folder = Path(tempfile.mkdtemp(prefix="nnkit-content-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        for name, data in content.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        _written_folders[digest] = folder
    return _written_folders[digest]
