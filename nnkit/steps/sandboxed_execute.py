"""nbgrader's Execute step, hardened: the kernel is sandboxed and no verdict that counts is computed in it.

`SandboxedExecute` replaces nbgrader's `Execute` in the autograde pipeline
(nbgrader_config.py), so `nbgrader autograde` and the kit's commands both grade this way:

- The notebook runs in a sandboxed kernel (nnkit.sandbox), with a wall-clock limit on
  the whole notebook and a size limit on each cell's output.
- A test cell's whole code, visible and hidden parts in order, runs here, in the grader,
  against the notebook as the kernel holds it when the cell comes (nnkit.verdict.testcells,
  nnkit.verdict.remote): that is the verdict, by nbgrader's own rule (no error: passed). Then
  the kernel runs the cell without its hidden part, so the kernel never sees the hidden
  tests, and its state goes on as the notebook's would. The cell's outputs are rewritten
  from the verdict (nbgrader's SaveAutoGrades scores a test cell by its outputs), so
  nothing the kernel printed or raised decides a grade.
- When the kernel ran the visible part to a different verdict, the trusted one counts
  and the report says so. Every lost point gets a one-line reason, and
  everything found goes in the notebook's metadata under "nnkit" (nnkit.verdict.findings).
"""
import contextlib
import ctypes
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute
from traitlets import Integer, default

from nnkit import content
from nnkit.verdict import findings, testcells
from nnkit.errors import GradingStopped
from nnkit.verdict.remote import Kernel
from nnkit.kernels import SandboxedKernelManager

OUTPUT_NOTE = "\n[nnkit: the rest of this cell's output was dropped: too long]\n"


class SandboxedExecute(Execute):
    """Execute, with the kernel sandboxed and each test cell's verdict computed by the grader."""

    wall_seconds = Integer(600, help="Seconds the whole notebook may run, its checks included; then the kernel "
                                     "is stopped and the cells not yet graded lose their points.").tag(config=True)
    output_limit = Integer(1_000_000, help="Characters of output kept per cell.").tag(config=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(**kwargs)

    @default("shutdown_kernel")
    def _kill_the_kernel(self):
        """The sandbox and all in it are thrown away after grading: nothing to shut down gracefully, so no waiting
        for it (0.3 s a submission here, measured by benchmarks/grading_speed.py)."""
        return "immediate"

    def preprocess(self, nb, resources, km=None):
        self._record = findings.begin(nb)
        self._output_sizes = {}
        self._updated = 0  # characters of display updates so far
        self._stopped = None  # why the kernel was stopped, once it has been
        self._km = None  # the sandbox's manager, kept after nbclient lets go of it
        self._definitions = testcells.Definitions()  # the instructor's, from the locked cells run so far
        self._judging = Judging()
        # What the student was given: sent by the process that owns the course (nnkit.scaleout.handoff), or read from
        # source/ itself; never whatever nbgrader copied from the submission (a symlink there could stand for any
        # file of the course).
        given, checks = resources.get("nnkit_given"), resources.get("nnkit_content")
        if given is None:
            coursedir, assignment = CourseDirectory(config=self.config), resources["nbgrader"]["assignment"]
            given, checks = given_files(coursedir, assignment), content.files(coursedir.root, assignment)
        self._given = Path(tempfile.mkdtemp(prefix="nnkit-given-"))
        for name, data in given.items():
            (self._given / name).parent.mkdir(parents=True, exist_ok=True)
            (self._given / name).write_bytes(data)
        watchdog = threading.Timer(self.wall_seconds, self._out_of_time)
        watchdog.daemon = True
        sys.path.insert(0, str(self._given))  # the assignment's own files (planar_utils, its data), for the checks
        try:
            watchdog.start()
            with content.importable(checks):  # the assignment's checks, which its test cells import
                return super().preprocess(nb, resources, km)
        finally:
            watchdog.cancel()
            sys.path.remove(str(self._given))
            shutil.rmtree(self._given, ignore_errors=True)
            if self._km is not None and self._km.process_limit_hit:
                self._record.flag(f"the notebook tried to run more than {self._km.limits.processes} processes at once")

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.given = str(self._given)
        self._km = km
        self._kernel = Kernel(km.sockets, self._run_code, self._begin, self._end, self.timeout)
        return km

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        # A test cell (its role and source restored from the gradebook by OverwriteCells) is judged here first.
        test = testcells.as_test(cell)
        reason = self._verdict(test) if test is not None and not self._stopped else None
        if self._stopped:
            cell.outputs = [_error("NotRun", f"not run: {self._stopped}")]
        else:
            self._execute_without_hidden_tests(cell, index)
        if test is not None:
            self._grade(cell, test, reason or self._stopped)
        if testcells.is_instructors(cell):
            self._definitions.add(cell)
        return cell, self.resources

    def _execute_without_hidden_tests(self, cell, index):
        source = cell.source
        cell.source = testcells.HIDDEN_TESTS.sub("", source)
        try:
            self.execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            self._stop("kernel died: the kernel ended while running this cell (a sandbox limit, or the code "
                       "stopped its own process)")
        except CellTimeoutError:  # it ignored the interrupt, and still runs
            self._stop(f"timed out: cell {index} ran longer than {self.timeout} s")
        finally:
            cell.source = source
        if any(output.get("ename") == "CellTimeoutError" for output in cell.outputs):
            self._stop(f"timed out: cell {index} ran longer than {self.timeout} s")

    def _verdict(self, test):
        """The test cell's trusted verdict: None if it passes, else the reason it loses its points."""
        try:
            with self._kernel.serving() as peer, self._judging.running(test.grade_id, self.timeout, self._stop):
                return testcells.verdict(test, peer, self._definitions)
        except GradingStopped as stopped:
            reason = self._stopped or str(stopped)
        except Exception as error:  # the exchange with the kernel broke in a way the protocol does not name
            reason = f"tampering detected: the grader's exchange with the kernel failed ({type(error).__name__})"
        self._stop(reason)
        return reason

    def _grade(self, cell, test, reason):
        """Replace the test cell's outputs with the grader's verdict."""
        kernel_passed = not any(output.output_type == "error" or output.get("name") == "stderr"
                                for output in cell.outputs)
        # What the kernel printed stays for the student to read; what it raised or returned decides nothing.
        outputs = [_as_stdout(output) for output in cell.outputs if output.output_type in ("stream", "display_data")]
        if reason is not None:
            reason = findings.Reason.parse(reason)
            outputs.append(_error(reason.error_name, reason.detail))
        elif not kernel_passed:
            outputs.append(nbformat.v4.new_output(
                "stream", name="stdout", text="[nnkit: the grader's run of this cell passed; the notebook's own run "
                                              "of it failed. The grader's verdict counts; flagged for review.]\n"))
        self._record.graded(test.grade_id, test.points, reason and str(reason), kernel_passed)
        cell.outputs = outputs

    def _run_code(self, code):
        """Run code in the kernel outside the notebook; its outputs, as nbclient collects them."""
        probe = nbformat.v4.new_code_cell(code)
        index = len(self.nb.cells) - 1
        original = self.nb.cells[index]
        try:
            with self._asking_the_kernel():
                self.execute_cell(probe, index, store_history=False)
        finally:
            self.nb.cells[index] = original  # nbclient stores the executed cell at its index
        if any(output.get("ename") == "CellTimeoutError" for output in probe.outputs):
            raise GradingStopped(f"timed out: the grader's code ran longer than {self.timeout} s in the kernel")
        return probe.outputs

    def _begin(self, code):
        return self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)

    def _end(self, msg_id):
        with self._asking_the_kernel():
            self.wait_for_reply(msg_id)

    @contextlib.contextmanager
    def _asking_the_kernel(self):
        """nbclient's errors while the grader's own code runs in the kernel, as GradingStopped."""
        try:
            yield
        except CellTimeoutError:
            raise GradingStopped(f"timed out: the grader's code ran longer than {self.timeout} s in the kernel") \
                from None
        except DeadKernelError:
            raise GradingStopped(self._stopped or "kernel died: the kernel ended while the grader called its code") \
                from None

    def output(self, outs, msg, display_id, cell_index):
        """nbclient's, keeping only the first output_limit characters of a cell's output."""
        out = super().output(outs, msg, display_id, cell_index)
        if out is not None:
            size = self._output_sizes.get(id(outs), 0) + len(str(out))
            self._output_sizes[id(outs)] = size
            if size > self.output_limit:
                outs.pop()
                if not outs or outs[-1].get("text") != OUTPUT_NOTE:
                    outs.append(nbformat.v4.new_output("stream", name="stdout", text=OUTPUT_NOTE))
                    self._record.flag(f"cell {cell_index}: output beyond {self.output_limit} characters dropped")
        return out

    def _update_display_id(self, display_id, msg):
        """nbclient's, until the updates add up to what a cell may print (they bypass `output`)."""
        self._updated += len(str(msg.get("content", {}).get("data", "")))
        if self._updated > self.output_limit:
            self._record.flag(f"display updates beyond {self.output_limit} characters in all were dropped")
            return
        super()._update_display_id(display_id, msg)

    def _stop(self, reason):
        """Stop the kernel for good; the cells after this one are not run, and lose their points with `reason`.

        A test cell being judged meanwhile is stopped too, even in a loop of the grader's own (one a submission's
        answers could make endless): GradingStopped is raised in its thread.
        """
        if self._stopped is None:
            self._stopped = reason
            self._record.flag(reason)
        if self._km is not None:
            self._km.kill_now()
        self._judging.interrupt()

    def _out_of_time(self):
        self._stop(f"timed out: the notebook ran longer than {self.wall_seconds} s in all")


class Judging:
    """The thread judging a test cell, while one is; `interrupt` raises GradingStopped in it from another thread."""

    def __init__(self):
        self._thread, self._lock = None, threading.Lock()

    @contextlib.contextmanager
    def running(self, grade_id, seconds, stop):
        """Meanwhile, this thread judges the cell; after `seconds`, `stop` is called with the reason it took too long."""
        deadline = threading.Timer(seconds, stop, [f"timed out: test cell {grade_id} ran longer than {seconds} s"])
        deadline.daemon = True
        with self._lock:
            self._thread = threading.get_ident()
        deadline.start()
        try:
            yield
        finally:
            deadline.cancel()
            with self._lock:
                self._thread = None

    def interrupt(self):
        with self._lock:
            if self._thread is not None and self._thread != threading.get_ident():
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread),
                                                           ctypes.py_object(GradingStopped))


def given_files(coursedir, assignment):
    """{relative path: bytes} of the files a student is given with the assignment: its source folder's, but the
    notebooks and what the course ignores."""
    source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
    ignored = shutil.ignore_patterns("*.ipynb", *coursedir.ignore)
    files = {}
    for folder, subfolders, names in os.walk(source):
        skip = ignored(folder, subfolders + names)
        subfolders[:] = [name for name in subfolders if name not in skip]
        for name in sorted(set(names) - skip):
            path = Path(folder, name)
            files[str(path.relative_to(source))] = path.read_bytes()
    return files


def _error(kind, message):
    return nbformat.v4.new_output("error", ename=kind, evalue=message, traceback=[f"{kind}: {message}"])


def _as_stdout(output):
    """A kernel's stderr kept for the student to read, as stdout: it decides nothing."""
    if output.get("name") == "stderr":
        return nbformat.v4.new_output("stream", name="stdout", text=output.text)
    return output
