"""nbgrader's autograde in the one process that owns the gradebook; the notebooks executed by workers.

Each submission is graded by nbgrader's own Autograde converter with the course's
pipeline, but for one step: `Handoff` stands in for the executing step
(trusted.SandboxedExecute). It sends the sanitized notebook to a worker as data
(nnkit.scaleout.execution), waits, stamps the executed notebook with what it was graded from
(nnkit.scaleout.freshness), and hands it on to nbgrader's next steps; SaveAutoGrades writes the
grades. Many submissions are in flight at once, each in a thread running its Autograde.
The threads take turns with nbgrader under one lock and let go of it only while their
notebook executes: nbgrader and the gradebook see one submission at a time, in this
process, while the workers execute many.
"""
import copy
import logging
import os
import threading

import nbformat
from distributed import KilledWorker
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import capture_log
from traitlets import Any

from nnkit import content
from nnkit.scaleout import execution
from nnkit.verdict import findings
from nnkit.course import CourseError
from nnkit.steps.sandboxed_execute import SandboxedExecute, given_files


INTERRUPTED = "interrupted: run nnkit grade again to grade it"  # a submission's problem when the run was stopped


class Interrupted(Exception):
    """The run was stopped while this notebook waited to be executed."""


class Handoff(NbGraderPreprocessor):
    """The autograde pipeline's executing step, in the process that owns the gradebook: a worker executes."""

    dispatcher = Any(help="the Dispatcher of this grading run").tag(config=True)

    def preprocess(self, nb, resources):
        return self.dispatcher.execute(nb, resources), resources


class Dispatcher:
    """One grading run: nbgrader's Autograde per student, each notebook executed on the cluster."""

    def __init__(self, course, stamps, cluster=None):
        self.course, self.stamps, self.cluster = course, stamps, cluster  # the cluster may come once connected
        self.lock = threading.Lock()  # held by the thread that is in nbgrader
        self.stopping = threading.Event()
        self._waiting, self._waiting_lock = set(), threading.Lock()  # an Event per notebook a worker executes
        self.problems = {}  # student -> why the notebook came back unexecuted
        self.seconds = {}  # student -> seconds a worker took to execute the notebook
        self.config = copy.deepcopy(course.api.config)
        steps = (self.config.Autograde.get("autograde_preprocessors")
                 or Autograde.class_traits()["autograde_preprocessors"].default())
        if SandboxedExecute not in steps:
            raise CourseError(f"{course.root / 'nbgrader_config.py'}: its autograde pipeline has no "
                              "nnkit.steps.sandboxed_execute.SandboxedExecute step; the kit grades only sandboxed (README: "
                              "Grading safely).")
        self.config.Autograde.autograde_preprocessors = [Handoff if step is SandboxedExecute else step
                                                         for step in steps]
        self.config.Handoff.dispatcher = self
        # nbconvert validates the notebook after every step; the kit's steps and nbgrader's own keep a valid notebook
        # valid, so it validates once, after the last. The one notebook from outside, a worker's, is validated as it
        # arrives (Dispatcher.execute). A dozen validations fewer per submission: 0.015 s of CPU here.
        self.config.Exporter.optimistic_validation = True
        self._sent = dict(given=given_files(course.api.coursedir, course.assignment),
                          content=content.files(course.root, course.assignment),
                          config=execution.execution_config(self.config))

    def __deepcopy__(self, memo):
        return self  # traitlets copies config values; a run has one dispatcher

    def autograde(self, student):
        """nbgrader's Autograde of one student, called with the lock held; nbgrader's result (success, error, log)."""
        coursedir = CourseDirectory(config=self.config, assignment_id=self.course.assignment, student_id=student)
        # A logger of its own: the log captured is this student's only, though others are graded meanwhile.
        app = Autograde(coursedir=coursedir, config=self.config, log=logging.Logger(f"autograde {student}"))
        app.force = True  # a changed submission's grades replace its old ones (the gradebook was backed up)
        app.create_student = True
        return capture_log(app)

    def execute(self, nb, resources):
        """Handoff's work: the notebook executed by a worker, while nbgrader serves other submissions."""
        names = {key: resources["nbgrader"][key] for key in ("assignment", "notebook", "student")}
        student = names["student"]
        future = self.cluster.submit(execution.Job(student, nb, names=names, **self._sent))
        self.lock.release()
        try:
            executed = self._wait(future, student)
        finally:
            self.lock.acquire()
            # nbgrader sets this around the autograde steps and deletes it after them; another submission's steps
            # deleted it meanwhile, and this one's would fail to.
            os.environ["NBGRADER_EXECUTION"] = "autograde"
        self.seconds[student] = executed.seconds
        nb = nbformat.from_dict(executed.notebook)
        nbformat.validate(nb, relax_add_props=True)  # before nbgrader saves its grades, as nbconvert would
        findings.stamp(nb, self.stamps[student], executed.seconds)
        return nb

    def _wait(self, future, student):
        """The future's result, once it is done or the run is stopped (`stop`)."""
        done = threading.Event()
        with self._waiting_lock:
            self._waiting.add(done)
            if self.stopping.is_set():
                done.set()
        future.add_done_callback(lambda _: done.set())
        done.wait()
        with self._waiting_lock:
            self._waiting.discard(done)
        if not future.done():
            future.cancel()
            self.problems[student] = INTERRUPTED
            raise Interrupted(student)
        try:
            return future.result()
        except KilledWorker:
            self.problems[student] = ("the workers executing it died, again and again: its notebook may bring "
                                      "down its grader; look at it, or grade it alone with nbgrader autograde")
            raise

    def stop(self):
        """Stop the run: no more submissions start, and those waiting for a worker give up."""
        self.stopping.set()
        with self._waiting_lock:
            for done in self._waiting:
                done.set()
