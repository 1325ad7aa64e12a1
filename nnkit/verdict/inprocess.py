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
    import matplotlib
    matplotlib.use("Agg")  # figures are drawn, never shown
    import matplotlib.pyplot as plt

    user_ns = namespace if namespace is not None else {}
    user_ns["__name__"] = "__main__"
    definitions, found = testcells.Definitions(), {}
    with _in_folder(folder), (content.importable(checks) if checks else contextlib.nullcontext()):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            test = testcells.as_test(cell)
            if test is not None:
                try:
                    with served_here(user_ns) as peer:
                        found[test.grade_id] = testcells.verdict(test, peer, definitions)
                except GradingStopped as stopped:
                    found[test.grade_id] = str(stopped)
            _run(test.visible if test is not None else cell.source, f"<cell {index}>", user_ns)
            plt.close("all")
            if testcells.is_instructors(cell):
                definitions.add(cell)
    return found


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
