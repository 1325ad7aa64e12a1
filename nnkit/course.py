"""The course directory: its assignments, where nbgrader keeps each thing, and nbgrader's API bound to it.

An assignment is a folder source/<id>/ holding <id>.ipynb (nbgrader's layout), and its
grader-side content in assignments/<id>/ (nnkit.content). A Course is one assignment of a
course directory; `assignments(root)` lists them all.
"""
import ast
import functools
import os
import shutil
import sys
import warnings
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from sqlalchemy.exc import SAWarning
from traitlets.config.loader import PyFileConfigLoader

from nnkit import gradebook

CONFIG_FILE = "nbgrader_config.py"


class CourseError(Exception):
    """Bad input to a kit command: the message names the thing and what to do."""


class Course:
    """A course directory laid out as nbgrader expects (the repository root is one)."""

    def __init__(self, root, assignment):
        self.root = Path(root).resolve()
        self.assignment = assignment
        _check_root(self.root)
        if not self.source_notebook.is_file():
            raise CourseError(f"{self.source_notebook}: missing; the instructor notebook must be "
                              f"source/{assignment}/{assignment}.ipynb.")
        if not (self.content / "checks").is_dir():
            raise CourseError(f"{self.content}: no checks/ folder; an assignment's grader-side content (checks, "
                              "catalog, reference math) lives in assignments/<id>/ (README: Adding an assignment).")

    @property
    def content(self):
        """The assignment's grader-side content: its checks, catalog and reference math."""
        return self.root / "assignments" / self.assignment

    @property
    def catalog(self):
        return self.content / "catalog"

    @property
    def demo_cases(self):
        """The catalog cases `nnkit demo` grades: DEMO in the assignment's package, a literal tuple of names."""
        tree = ast.parse((self.content / "__init__.py").read_text())
        found = [node.value for node in tree.body if isinstance(node, ast.Assign)
                 and [getattr(target, "id", None) for target in node.targets] == ["DEMO"]]
        return ast.literal_eval(found[0]) if found else ()

    @property
    def source(self):
        return self.root / "source" / self.assignment

    @property
    def source_notebook(self):
        return self.source / f"{self.assignment}.ipynb"

    @property
    def release(self):
        return self.root / "release" / self.assignment

    @property
    def release_notebook(self):
        return self.release / f"{self.assignment}.ipynb"

    def submitted(self, student):
        return self.root / "submitted" / student / self.assignment

    def autograded(self, student):
        return self.root / "autograded" / student / self.assignment

    def feedback(self, student):
        return self.root / "feedback" / student / self.assignment

    @property
    def gradebook(self):
        """The SQLite gradebook's file; None if the gradebook is on a database server."""
        return gradebook.sqlite_file(self.db_url)

    @property
    def db_url(self):
        """Where nbgrader keeps the gradebook (c.CourseDirectory.db_url)."""
        return self.api.coursedir.db_url

    def scratch_copy(self, into):
        """A new course at `into` with this assignment's source and content and the config, nothing students made."""
        into = Path(into)
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(self.source, into / "source" / self.assignment, ignore=ignore)
        shutil.copytree(self.content, into / "assignments" / self.assignment, ignore=ignore)
        if not (into / "assignments" / "__init__.py").exists():
            shutil.copy(self.root / "assignments" / "__init__.py", into / "assignments" / "__init__.py")
        if not (into / CONFIG_FILE).exists():
            shutil.copy(self.root / CONFIG_FILE, into / CONFIG_FILE)
        return Course(into, self.assignment)

    @functools.cached_property
    def api(self):
        """nbgrader's own API, configured from this course's nbgrader_config.py."""
        # nbgrader runs its `alembic` executable by name: make this environment's bin/ findable
        # even when the virtual environment was not activated.
        bin_dir = str(Path(sys.executable).parent)
        # nbgrader's gradebook code trips SQLAlchemy 2's autoflush warnings on every autograde; they say nothing
        # about the submissions, and would bury the kit's output.
        warnings.filterwarnings("ignore", category=SAWarning)
        if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
            os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
        config = PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
        config.CourseDirectory.root = str(self.root)
        return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    def run(self, action, *args, **kwargs):
        """Call an nbgrader API action; raise CourseError with nbgrader's own error if it fails."""
        result = getattr(self.api, action)(self.assignment, *args, **kwargs)
        if not result["success"]:
            raise CourseError(f"nbgrader {action} failed for {self.assignment} in {self.root}:\n"
                              f"{result.get('error') or result.get('log')}")
        return result


def assignments(root, only=None):
    """The course's assignments (a Course each), in name order; only the one named `only`, if given."""
    root = Path(root).resolve()
    _check_root(root)
    found = sorted(path.parent.name for path in root.glob("source/*/*.ipynb") if path.stem == path.parent.name)
    if only is not None:
        if only not in found:
            raise CourseError(f"{root}: no assignment {only!r}; the course has {', '.join(found) or 'none'} "
                              "(source/<id>/<id>.ipynb).")
        found = [only]
    if not found:
        raise CourseError(f"{root}/source: no assignment (source/<id>/<id>.ipynb); add one, or pass --course PATH.")
    return [Course(root, assignment) for assignment in found]


def _check_root(root):
    if not (root / CONFIG_FILE).is_file():
        raise CourseError(f"{root}: not a course directory (no {CONFIG_FILE}); "
                          "run from the kit's folder or pass --course PATH.")
