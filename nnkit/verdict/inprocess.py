"""Grade a notebook of trusted code in this process: no kernel, the same verdicts.

For the catalog, the solution and the blank release (code the kit or the instructor wrote,
never a submission's): the notebook's cells run here, in order, in one namespace, as a
kernel would run them, and each test cell is judged exactly as grading judges it
(nnkit.verdict.testcells), over the same protocol, with a thread in the kernel's role
(remote.served_here). So a test that cannot be graded trusted (it reads a value that
cannot cross as plain data) fails here as it would in the sandbox, in a fraction of the
time: this is what `nnkit check-release` and the fast tests run.
"""
import contextlib
import io
import os
import sys
import warnings

from nnkit import content
from nnkit.verdict import testcells
from nnkit.errors import GradingStopped
from nnkit.quiet import quietly
from nnkit.verdict.remote import served_here


def verdicts(nb, folder, checks=None, namespace=None):
    """{grade_id: None if the test cell passes, else its reason}, running nb's cells here from `folder` (the
    assignment's folder: its given files are imported and read from there), with the assignment's grader-side
    content `checks` (nnkit.content.files) importable; the notebook's globals are left in `namespace` if given."""
    with Grading.started(folder, checks, namespace) as grading:
        grading.run(nb.cells)
        return grading.found


class Grading:
    """One notebook graded here, cell by cell: its globals, the instructor's definitions so far, the verdicts so far.

    It may run part of a notebook, be forked, and each copy run on with cells of its own (a
    mutant's): the mutation run pays for the cells every mutant shares once.
    """

    def __init__(self, namespace):
        self.user_ns = namespace
        self.user_ns["__name__"] = "__main__"
        self.definitions, self.found = testcells.Definitions(), {}

    @classmethod
    @contextlib.contextmanager
    def started(cls, folder, checks=None, namespace=None):
        """A Grading in `folder`, with `checks` importable, while the context lasts."""
        import matplotlib
        matplotlib.use("Agg")  # figures are drawn, never shown
        with _in_folder(folder), (content.importable(checks) if checks else contextlib.nullcontext()):
            yield cls(namespace if namespace is not None else {})

    def run(self, cells, first=0, until_failure=False):
        """Run the cells (their indices in the notebook from `first`), judging each test cell as grading does; if
        `until_failure`, only until a test cell fails."""
        import matplotlib.pyplot as plt
        for index, cell in enumerate(cells, start=first):
            if cell.cell_type != "code":
                continue
            if until_failure and any(self.found.values()):
                return
            test = testcells.as_test(cell)
            if test is not None:
                try:
                    with served_here(self.user_ns) as peer:
                        self.found[test.grade_id] = testcells.verdict(test, peer, self.definitions)
                except GradingStopped as stopped:
                    self.found[test.grade_id] = str(stopped)
            _run(test.visible if test is not None else cell.source, f"<cell {index}>", self.user_ns)
            plt.close("all")
            if testcells.is_instructors(cell):
                self.definitions.add(cell)


def _run(source, name, user_ns):
    """Run a cell as the kernel would: what it prints, warns or raises is its own (nbgrader runs on after errors)."""
    with quietly(), contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec(compile(source, name, "exec"), user_ns)
        except Exception:  # the notebook's own error: the test cells that depend on it fail for it
            pass


@contextlib.contextmanager
def _in_folder(folder):
    """As a kernel started in the assignment's folder: it is the working directory and first on sys.path."""
    before, folder = os.getcwd(), os.path.abspath(folder)
    sys.path.insert(0, folder)
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)
        sys.path.remove(folder)
