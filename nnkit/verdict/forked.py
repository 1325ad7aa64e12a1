"""Many variants of one notebook graded in-process, the cells they share paid once per worker.

A variant is the base notebook with some cells changed: a catalog case, a mutant of the
solution. Every cell before its first change runs exactly as in the base, so each worker
process grades the base forward only as far as the variants it is handed need (they come in
the order of their first change), then forks a child per variant that runs the rest of the
variant's cells and judges them. A fork costs milliseconds (the pages are shared until
written), and nothing one variant does reaches another: each child starts from the
base's state and is gone after. Trusted code only, as nnkit.verdict.inprocess: nothing
here is sandboxed. Forking needs a POSIX system (Linux, macOS).
"""
import concurrent.futures
import contextlib
import io
import multiprocessing
import os
import pickle

from nnkit.verdict import inprocess


def verdicts(base, variants, folder, checks=None, judge=None, jobs=None, until_failure=False, within=None):
    """For each variant, in order, what `judge(index, grading)` makes of its finished in-process Grading (by default
    its {grade_id: None or the reason it failed}), with one worker process per core unless `jobs` says; each
    variant graded only until a test cell fails if `until_failure`, and inside the context `within(index)` if
    given."""
    order = sorted(range(len(variants)), key=lambda index: first_change(base, variants[index]))
    starts = [first_change(base, variants[index]) for index in order]
    # forked, so that each worker has the notebooks and the judge without pickling them
    with concurrent.futures.ProcessPoolExecutor(jobs or os.cpu_count(), mp_context=multiprocessing.get_context("fork"),
                                                initializer=_setup,
                                                initargs=(base, variants, folder, checks, judge or _found,
                                                          until_failure, within or _anywhere)) as pool:
        answers = dict(zip(order, pool.map(_graded, order, starts)))
    return [answers[index] for index in range(len(variants))]


def first_change(base, variant):
    """The index of the first cell the variant changes (its number of cells if it changes none)."""
    for index, (ours, theirs) in enumerate(zip(base.cells, variant.cells)):
        if ours.cell_type != theirs.cell_type or ours.source != theirs.source or ours.metadata != theirs.metadata:
            return index
    return min(len(base.cells), len(variant.cells))


def _found(index, grading):
    return grading.found


def _anywhere(index):
    return contextlib.nullcontext()


def _setup(base, variants, folder, checks, judge, until_failure, within):
    global _WORKER
    _WORKER = _Worker(base, variants, folder, checks, judge, until_failure, within)


class _Worker:
    """A worker's grading of the base notebook, run as far as its variants so far needed, in a context (the
    assignment's folder, the checks importable, what cells print captured) kept while the worker lives."""

    def __init__(self, base, variants, folder, checks, judge, until_failure, within):
        self.base, self.variants, self.judge, self.until_failure = base, variants, judge, until_failure
        self.within = within
        self.context = contextlib.ExitStack()
        self.base_grading = self.context.enter_context(inprocess.Grading.started(folder, checks))
        self.context.enter_context(contextlib.redirect_stdout(io.StringIO()))
        self.ran = 0  # the cells base_grading has run

    def before(self, start):
        """The base graded up to the cell `start`: run on from where it was, or anew if it is past it."""
        if start < self.ran:  # a variant out of order (the pool handed this worker a later one first)
            grading = inprocess.Grading({})
            grading.run(self.base.cells[:start])
            return grading
        self.base_grading.run(self.base.cells[self.ran:start], first=self.ran)
        self.ran = start
        return self.base_grading


def _graded(index, start):
    """In a child forked from the base graded up to `start`: the variant's own cells run, and judged."""
    grading = _WORKER.before(start)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        try:
            with _WORKER.within(index):
                grading.run(_WORKER.variants[index].cells[start:], first=start, until_failure=_WORKER.until_failure)
            answer = _WORKER.judge(index, grading)
        except BaseException as error:  # noqa: BLE001 (the worker raises it, as if it had happened there)
            answer = error
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(answer, pipe)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(child, 0)
    if not sent:
        raise RuntimeError(f"grading variant {index} in-process ended without an answer (wait status {status}): "
                           "its cells crashed the interpreter; grade it in the sandbox to see how.")
    answer = pickle.loads(sent)
    if isinstance(answer, BaseException):
        raise answer
    return answer
