"""Autograde many submissions at once: worker processes, each grading in a private copy of the course.

nbgrader's gradebook is one SQLite file and its autograde runs one kernel at a time. Each
worker gets its own course (source, config and a copy of the gradebook as the release left
it), so workers never wait for one another; a worker places a submission, autogrades it
with nbgrader's API and sends back its grades and messages. Workers take the next
submission as they finish one, so a slow submission does not hold up a whole share.
"""
import concurrent.futures
import multiprocessing
import os
import shutil

from .course import Course, CourseError
from .grading import grades, submit

_course = None  # the worker's private course


def autograde(course, submissions, jobs=None):
    """Grades of each submission ({student: notebook}) in the given order; `course` has its release generated."""
    if not course.gradebook.is_file():
        raise CourseError(f"{course.gradebook}: no gradebook; generate the release in {course.root} first.")
    jobs = worker_count(jobs, len(submissions))
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no kernel or event loop inherited
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                                initargs=(str(course.root),)) as workers:
        futures = {student: workers.submit(_grade, student, nb) for student, nb in submissions.items()}
        return [futures[student].result() for student in submissions]


def worker_count(jobs, submissions):
    """The workers to start: as asked, else one per core; never more than there are submissions."""
    return max(1, min(jobs or os.cpu_count() or 1, submissions))


def _start_worker(root):
    global _course
    template = Course(root)
    _course = template.scratch_copy(template.root / "workers" / str(os.getpid()))
    shutil.copy(template.gradebook, _course.gradebook)
    # Kernels inherit this process's stderr and chatter on it; keep that in the worker's log, off the terminal.
    log = open(_course.root / "worker.log", "ab", buffering=0)
    os.dup2(log.fileno(), 2)


def _grade(student, nb):
    submit(_course, student, nb)
    _course.run("autograde", student)
    return grades(_course, student)

