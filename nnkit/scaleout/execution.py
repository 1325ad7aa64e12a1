"""Executing a notebook away from the course: what a worker receives, and what it sends back.

A `Job` is plain data: the sanitized notebook, the files the student was given, the
assignment's grader-side content (its checks), and the
settings of the executing step. `execute` runs the kit's execute step
(nnkit.steps.sandboxed_execute.SandboxedExecute) on it, as nbgrader's autograde would, and returns the executed
notebook. A worker needs the kit and bubblewrap installed, and nothing of the course: no
files, no gradebook.
"""
import time
from dataclasses import dataclass

import nbformat
from traitlets.config import Config

from nnkit import kernels, sandbox
from nnkit.steps.sandboxed_execute import SandboxedExecute


@dataclass(frozen=True)
class Job:
    student: str
    notebook: dict  # the sanitized notebook (a NotebookNode: plain dicts and lists)
    given: dict  # relative path -> bytes: the files the student was given
    content: dict  # path -> bytes: the assignment's grader-side content (nnkit.content), its checks included
    config: dict  # the course's settings of the classes that execute a notebook (execution_config)
    names: dict  # resources["nbgrader"] without the gradebook: assignment, notebook, student


@dataclass(frozen=True)
class Executed:
    notebook: dict  # the executed notebook
    seconds: float


def execution_config(config):
    """The sections of `config` the executing step and its sandbox read: data a worker can be sent."""
    names = {cls.__name__ for root in (SandboxedExecute, kernels.SandboxedKernelManager, sandbox.SandboxLimits)
             for cls in root.mro()}
    return {name: dict(section) for name, section in config.items() if name in names}


def execute(job):
    """Run the kit's execute step on the job's notebook (the worker's side); an Executed."""
    started = time.perf_counter()
    step = SandboxedExecute(config=Config(job.config))
    nb, _ = step.preprocess(nbformat.from_dict(job.notebook), {"nbgrader": dict(job.names), "nnkit_given": job.given,
                                                         "nnkit_content": job.content})
    return Executed(nb, time.perf_counter() - started)


def sandbox_here(config):
    """The line saying how this worker sandboxes a kernel; SandboxUnavailable if it cannot."""
    return kernels.describe(config)
