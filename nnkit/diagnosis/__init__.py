"""Name the likely mistake: a failed check's calls, replayed through the catalog's known mistakes.

While a test cell's checks run, every call they make to a student function is recorded: a
copy of the arguments, np.random's state, the notebook's globals as the function saw them,
and what it returned or raised. When a check fails, each wrong case of the catalog that
defines the same function is run on those calls, from the same random state, among the
student's own other functions. A case that behaves exactly as the student's code did on
every call names the likely mistake with its DIAGNOSIS ("dW1 is m times too large: is the
1/m missing?"), unless a right case of the catalog fits those calls too (then the calls
cannot tell the mistake from correct code). The catalog is the diagnosis table: a new
mistake in it is a new diagnosis. Each assignment has its own (assignments/<id>/catalog/),
found beside the checks that failed (`catalog_of`).

Where no catalog mistake fits, the calls are read for symptoms (nnkit.diagnosis.symptoms): how
the student's results relate to correct code's, a right case replayed on the same calls. Replay
names the catalog's exact mistakes; symptoms, their near relatives. `withholding` leaves cases
out of the table, to measure what the kit says of a mistake it has never seen (nnkit.accuracy).
"""
import contextlib
import functools
import sys
import traceback
import types
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnkit.diagnosis import catalog, substitutions, symptoms
from nnkit.diagnosis.outcomes import copied, outcome
from nnkit.errors import GradingStopped
from nnkit.quiet import quietly

_log = None  # the calls of the test cell now running (see checks.verify), or None outside it
_withheld = frozenset()  # names of catalog cases left out of the diagnosis table (see withholding)


@dataclass
class Call:
    function: object
    args: tuple
    kwargs: dict
    random_state: tuple
    namespace: dict  # the function's globals at call time (checks may substitute some of them)
    function_globals: dict  # the live globals, to tell the student's frames in a traceback
    outcome: object = None
    raised_in: str = None  # the student's function whose code raised, when the call raised

    @property
    def raised_elsewhere(self):
        """It raised inside another of the student's functions (which may or may not be the one to blame)."""
        return self.raised_in not in (None, getattr(self.function, "__name__", None))


@contextlib.contextmanager
def recording():
    """Record the calls to student functions made meanwhile; yields the list they go to."""
    global _log
    outer, _log = _log, []
    try:
        yield _log
    finally:
        _log = outer


@contextlib.contextmanager
def withholding(names):
    """Meanwhile, the catalog cases named (like "wrong/init_all_zeros") are not in the diagnosis table."""
    global _withheld
    outer, _withheld = _withheld, frozenset(names)
    try:
        yield
    finally:
        _withheld = outer


def before(function, args, kwargs):
    """What a replay needs, captured before the student's function can change any of it."""
    function_globals = getattr(function, "__globals__", {})  # a callable object has none: nothing will match it
    return Call(function, copied(args), copied(kwargs), np.random.get_state(), dict(function_globals), function_globals)


def after(call, result=None, error=None):
    """Log a finished call with its outcome (while recording)."""
    if error is not None:
        call.raised_in = _raised_in(error, call)
    call.outcome = outcome(result, error, _place(error, call))
    if _log is not None:
        _log.append(call)


def _raised_in(error, call):
    """The student's function whose own code raised `error` in the call (or a replay of it), if any."""
    frames = [frame for frame, _ in traceback.walk_tb(error.__traceback__)  # the student's own functions only
              if frame.f_globals is call.function_globals and frame.f_code.co_name in call.function_globals]
    # A call served by a sandboxed kernel reports where it raised, as it saw its own frames there.
    return getattr(error, "raised_in", frames[-1].f_code.co_name if frames else None)


def _place(error, call):
    """Where `error` was raised in the call or a replay of it: the student's function, else the one called."""
    return None if error is None else _raised_in(error, call) or getattr(call.function, "__name__", None)


def catalog_of(check):
    """The catalog of the assignment a check belongs to: assignments/<id>/catalog, beside its checks/ folder."""
    return Path(sys.modules[check.__module__].__file__).parents[1] / "catalog"


def likely_mistakes(calls, name, function, folder, relations=True):
    """The DIAGNOSIS of every catalog mistake in `name` that behaves as the student's `function` did on its calls;
    where none does, what its symptoms suggest (without `relations`, only correct code on changed arguments)."""
    calls = [call for call in calls if call.function is function]
    if not calls:
        return []
    state = np.random.get_state()
    try:
        fitting = [case.diagnosis for case, mistake in _versions(folder, "wrong", name)
                   if case.name not in _withheld and _fits(mistake, calls)]
        rights = [right for _, right in _versions(folder, "right", name)]
        if fitting and any(_fits(right, calls) for right in rights):
            return []  # correct code behaves the same on these calls: they cannot show a mistake
        return list(dict.fromkeys(fitting)) or _by_symptom(calls, rights, relations)
    finally:
        np.random.set_state(state)


def _by_symptom(calls, rights, relations):
    """The symptoms of the calls against the right version most of the others agree with."""
    outcomes = [[_replay(right, call) for call in calls] for right in rights]
    if not outcomes:
        return []
    agreeing = [sum(theirs == ours for theirs in outcomes) for ours in outcomes]
    best = agreeing.index(max(agreeing))
    reference = outcomes.pop(best)
    try:
        return symptoms.named(calls, reference, outcomes, functools.partial(_replay, rights[best]),
                              substitutions.parameter_names(rights[best]), relations, _probe)
    except GradingStopped:
        raise
    except Exception:  # a result too odd to relate (a hostile object, say) leaves the check's message as it is
        return []


def _fits(version, calls):
    """Whether this version of the function behaves as the student's code did on every call."""
    return all(_replay(version, call) == call.outcome for call in calls)


@functools.cache
def _versions(folder, label, name):
    """(case, its version of the function `name`) for each case of this label that defines it."""
    found = []
    for case in catalog.cases(folder):
        if case.label == label:
            namespace = {"__name__": f"catalog:{case.name}"}
            exec(compile(case.program, f"<catalog {case.name}>", "exec"), namespace)
            if isinstance(namespace.get(name), types.FunctionType):
                found.append((case, namespace[name]))
    return found


def _replay(mistake, call, arguments=None):
    """The mistake's outcome on the student's call (or on other `arguments`, (args, kwargs)): among the student's
    globals, plus the case's own helpers."""
    helpers = {key: value for key, value in mistake.__globals__.items() if key not in call.namespace}
    rebound = types.FunctionType(mistake.__code__, {**call.namespace, **helpers}, mistake.__name__,
                                 mistake.__defaults__, mistake.__closure__)
    return _outcome_of(rebound, call, arguments)


def _probe(call, arguments):
    """The student's own function's outcome on other `arguments` (part of the call's examples, say)."""
    return _outcome_of(call.function, call, arguments)


def _outcome_of(function, call, arguments=None):
    np.random.set_state(call.random_state)
    try:
        args, kwargs = copied(arguments or (call.args, call.kwargs))  # uncopyable arguments: a replay that raises
        with quietly():
            return outcome(function(*args, **kwargs))
    except GradingStopped:
        raise
    except Exception as error:  # a mistake that crashes as the student's code did is a match
        return outcome(error=error, where=_place(error, call))
