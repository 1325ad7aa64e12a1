"""The course directory: where nbgrader keeps each thing, and nbgrader's API bound to it."""
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

ASSIGNMENT = "shallow_nn"
CONFIG_FILE = "nbgrader_config.py"


class CourseError(Exception):
    """Bad input to a kit command: the message names the thing and what to do."""


class Course:
    """A course directory laid out as nbgrader expects (the repository root is one)."""

    def __init__(self, root, assignment=ASSIGNMENT):
        self.root = Path(root).resolve()
        self.assignment = assignment
        if not (self.root / CONFIG_FILE).is_file():
            raise CourseError(f"{self.root}: not a course directory (no {CONFIG_FILE}); "
                              "run from the kit's folder or pass --course PATH.")
        if not self.source_notebook.is_file():
            raise CourseError(f"{self.source_notebook}: missing; the instructor notebook must be "
                              f"source/{assignment}/{assignment}.ipynb.")

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
        return self.root / "gradebook.db"

    def scratch_copy(self, into):
        """A new course at `into` with this one's source and config, and nothing students made."""
        into = Path(into)
        shutil.copytree(self.source, into / "source" / self.assignment)
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
