"""Test cells: the one reader of them, and their verdict by nbgrader's rule, computed in the grader.

nbgrader's rule: a test cell passes when its whole code, visible and hidden parts in order,
runs without an error. The kit keeps the rule and moves the run: the cell's code runs in
the grader, in a namespace mirroring the notebook's globals (nnkit.verdict.remote), so the
student's functions run in the sandboxed kernel and everything else of the test (plain
asserts, np.testing, loops, `verify(globals(), ...)`, a substitute for a notebook global)
runs here, where no submission's code runs. The kernel never sees the hidden part.

The instructor's code is the grader's. A locked cell's source is the gradebook's once
nbgrader's OverwriteCells has run, so its imports and definitions (`Definitions`) run here
before each later test cell: a helper defined in a locked cell is the instructor's,
whatever the notebook bound to its name since. Its other statements ran in the kernel;
what they left (data) arrives as plain data. A name that cannot cross (an object, a dict
of functions) is not in the namespace: a test reading it fails, saying which name and why.

Grading (nnkit.steps.sandboxed_execute), the fast tests and `nnkit check-release` (nnkit.verdict.inprocess) all
read and judge test cells here.
"""
import ast
import contextlib
import io
import re
import traceback
from dataclasses import dataclass

from nbgrader import utils

from nnkit.errors import CheckFailed, GradingStopped
from nnkit.quiet import quietly
from nnkit.verdict.remote import RemoteError

HIDDEN_TESTS = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.DOTALL)
DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
PLAIN_DATA = "numbers, arrays of numbers, strings, and lists, tuples and dicts of them"
MAX_REASON = 4000  # characters: a reason is read by a person, and its parts can come from the kernel


@dataclass(frozen=True)
class TestCell:
    """A grade cell of code: what nbgrader scores, with its whole source (hidden part included, if it has one)."""
    __test__ = False  # not pytest's
    grade_id: str
    points: float
    source: str

    @property
    def visible(self):
        """The code the kernel runs and the student sees: the cell without its hidden part."""
        return HIDDEN_TESTS.sub("", self.source)

    @property
    def hidden(self):
        """The code of the hidden part ('' if it has none)."""
        return "\n".join(HIDDEN_TESTS.findall(self.source))

    @property
    def visible_names(self):
        """The names the visible part binds: the kernel runs that part too, so their values may be sent to it."""
        try:
            tree = ast.parse(self.visible)
        except SyntaxError:
            return set()
        return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}

    @property
    def filename(self):
        return f"<test cell {self.grade_id}>"

    def hidden_line(self, line):
        """Whether line (1-based) of the source lies in the hidden part."""
        return any(self.source.count("\n", 0, match.start()) < line <= self.source.count("\n", 0, match.end()) + 1
                   for match in HIDDEN_TESTS.finditer(self.source))


def as_test(cell):
    """The cell as a TestCell, or None if nbgrader does not autograde it as one.

    A grade cell that is also a solution cell is an answer a person grades: its code is the student's, and never
    runs in the grader.
    """
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if not (is_instructors(cell) and meta.get("grade")):
        return None
    return TestCell(meta["grade_id"], meta.get("points", 0), cell.source)


def judged_cells(nb):
    """The notebook's test cells, in order."""
    return [test for test in map(as_test, nb.cells) if test is not None]


def is_instructors(cell):
    """A code cell whose source is the instructor's: locked (a test cell is), and known to the gradebook by its id."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and isinstance(meta.get("grade_id"), str) and utils.is_locked(cell)


class Definitions:
    """The imports and definitions of the instructor's cells so far, run in each test cell's namespace first."""

    def __init__(self):
        self._code = []

    def add(self, cell):
        try:
            body = ast.parse(cell.source).body
        except SyntaxError:  # a test cell that does not compile fails with its own reason
            return
        nodes = [node for node in body if isinstance(node, DEFINITIONS)]
        if nodes:
            grade_id = cell.metadata.nbgrader["grade_id"]
            self._code.append(compile(ast.Module(nodes, type_ignores=[]), f"<definitions of {grade_id}>", "exec"))

    def apply(self, namespace):
        for code in self._code:
            exec(code, namespace)


def verdict(test, peer, definitions):
    """The reason the test cell fails ("<kind>: <message>"), or None when it passes; run against a peer.

    GradingStopped (the kernel died, timed out, broke the protocol) ends it and is raised.
    """
    namespace = peer.names()
    try:
        with _quiet():
            definitions.apply(namespace)
    except GradingStopped:
        raise
    except Exception as error:  # the instructor's own code: what it raised is the reason, named as such
        return f"test failed: the instructor's code before this cell raised {type(error).__name__}: {error}"
    peer.settle(test.visible_names)
    reason = run(test, namespace, peer.unavailable)
    return reason if reason is None or len(reason) <= MAX_REASON else reason[:MAX_REASON] + " [...]"


def run(test, namespace, unavailable=None):
    """Run the test cell's whole code in `namespace`: None if it passes, else the reason it fails."""
    try:
        code = compile(test.source, test.filename, "exec")
    except SyntaxError as error:
        return f"test failed: the test cell does not compile (line {error.lineno}: {error.msg})"
    try:
        with _quiet():
            exec(code, namespace)
    except GradingStopped:
        raise
    except Exception as error:  # every error of the cell's run is its verdict, as in nbgrader
        return _reason(error, test, unavailable or {})
    return None


@contextlib.contextmanager
def _quiet():
    """What the test prints here shows nowhere: the kernel's own run of the visible part is what the student sees."""
    with quietly(), contextlib.redirect_stdout(io.StringIO()):
        yield


def _reason(error, test, unavailable):
    if isinstance(error, CheckFailed):  # the kit's checks: their message as written, likely mistakes on lines below
        message = str(error)
        return f"{'out of memory' if 'raised MemoryError' in message else 'test failed'}: {message}"
    message = " ".join(str(error).split())  # one line (np.testing's messages span several)
    if isinstance(error, RemoteError):
        inside = f" inside {error.raised_in}, which it calls" if error.raised_in not in (None, error.function) else ""
        kind = "out of memory" if type(error).__name__ == "MemoryError" else "test failed"
        return f"{kind}: {error.function} raised {type(error).__name__}{inside}{': ' if message else ''}{message}"
    if isinstance(error, NameError) and getattr(error, "name", None) in unavailable:
        return (f"test failed: the test reads {error.name}, which the notebook holds as {unavailable[error.name]}: "
                f"only plain data ({PLAIN_DATA}) reaches the grader, so this cell cannot be graded as written")
    if isinstance(error, AssertionError) and message:
        return f"test failed: {message}"
    line = _line(error, test)
    if line is not None and test.hidden_line(line):
        where = "in a hidden test"
    elif line is not None:
        where = f"at `{test.source.splitlines()[line - 1].strip()}`"
    else:
        where = "in the test cell"
    what = "an assertion failed" if isinstance(error, AssertionError) else f"{type(error).__name__}: {message}"
    return f"test failed: {what} ({where})"


def _line(error, test):
    """The line of the test cell where the error was raised (the innermost frame of the cell's own code)."""
    lines = [line for frame, line in traceback.walk_tb(error.__traceback__)
             if frame.f_code.co_filename == test.filename]
    return lines[-1] if lines else None
