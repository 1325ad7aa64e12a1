"""What correct code gives with one of the call's arguments changed: a mistake that reads the wrong input.

Some mistakes are correct code run on the wrong input: Z1 taken from the cache where A1
belongs, W2 left out of a product (as if every entry were 1: broadcasting lets it run), the
slope's A1 left out (as if it were 0), the notebook's global `parameters` used in place of the
argument, a loop one step short (as if the count were one less). Each is found by replaying the
reference (the right version most others agree with) on the call with one part of the
arguments changed: an array set to 0 or to 1, or swapped with another part of the same shape; an
argument replaced by the notebook's global of its name (the student's name for it or correct
code's); a whole number one less, one more, or 0. A part of the student's result is
explained by a change when it equals the changed reference's on every call, and differs from
the unchanged one on some: the change made the difference. Where the student's code raised, a
change explains it when correct code raises exactly the same error on every changed call.

These are exact equalities on the check's own calls, not relations that can hold by chance, so
they are sought even for results that come out of a training loop (nnkit.checking.by_replay_only).

Trust: the changed arguments are copies; the reference is the kit's own catalog code, run as
in any replay (nnkit.diagnosis._replay), among the student's globals.
"""
import copy
import functools
import inspect

import numpy as np

from nnkit.diagnosis.relations import Symptom, array, close, label, parts

# each kind of change -> the sentence, from who shows it ("dW1 and db1"), "is"/"are", and the part changed
SENTENCES = {
    "swapped": lambda who, verb, taken, belongs: (f"{who} {verb} what correct code gives with {taken} in place of "
                                                  f"{belongs}: is {taken} used where {belongs} belongs?"),
    "left out": lambda who, verb, part: (f"{who} {verb} what correct code gives with {part} set to 0: is {part} left "
                                         "out where it belongs?"),
    "ones": lambda who, verb, part: (f"{who} {verb} what correct code gives with every entry of {part} set to 1: is "
                                     f"{part} left out of a product (broadcasting lets the rest run)?"),
    "global": lambda who, verb, name: (f"{who} {verb} what correct code gives on the notebook's global {name}, not on "
                                       f"the {name} it is given: is the global read instead of the argument?"),
    "one less": lambda who, verb, part: (f"{who} {verb} what correct code gives with {part} one less: does a loop "
                                         "start at 1, or stop one short?"),
    "one more": lambda who, verb, part: (f"{who} {verb} what correct code gives with {part} one more: does a loop "
                                         "run once too often (range(n + 1), or <= n)?"),
    "zero": lambda who, verb, part: (f"{who} {verb} what correct code gives with {part} 0, as if no step were taken: "
                                     "is each step's result assigned back, so that the next step starts from it?"),
}
COUNTS = {"one less": lambda n: n - 1, "one more": lambda n: n + 1, "zero": lambda n: 0}  # a loop's bounds


def explained(calls, expected, replay, changes):
    """{(part, Symptom)}: each part of the student's results that one of the `changes` of the arguments explains on
    every call; `expected` is the reference's outcome on each call, `replay(call, arguments)` its outcome on changed
    ones."""
    found = set()
    for change in changes:
        shown = _on_every_call(calls, change, lambda call, changed, want: _explains(call, want, replay(call, changed)),
                               expected)
        if shown is not None:
            held = set.intersection(*(equal for equal, _ in shown)) & set.union(*(made for _, made in shown))
            found |= {(part, Symptom(change[0], change[1])) for part in held
                      if _telling(change[0], [parts(call.outcome.value[1]).get(part) for call in calls])}
    return found


def raising(calls, replay, changes):
    """{Symptom}: each of the `changes` of the arguments on which correct code raises exactly what the student's code
    raised, in the same function, on every call (numpy's messages name the shapes; two lines can still raise the same
    message, where the same two arrays meet twice, so the place counts too)."""
    def same(call, changed, _):
        replayed = replay(call, changed)
        return (replayed == call.outcome and replayed.where == call.outcome.where) or None
    return {Symptom(change[0], change[1]) for change in changes if _on_every_call(calls, change, same)}


def _on_every_call(calls, change, judge, expected=None):
    """judge(call, changed arguments, expected outcome) on each call; None if the change cannot be made on every call
    or the judge cannot tell on one (correct code raises on it, say)."""
    judged = []
    for index, call in enumerate(calls):
        changed = _changed(call, change[2])
        verdict = None if changed is None else judge(call, changed, expected[index] if expected else None)
        if verdict is None:
            return None
        judged.append(verdict)
    return judged


def _telling(kind, values):
    """Whether a part's values on the calls can show a change: many changes explain one value everywhere (all labels
    1, a size written as a number), so the values must take more than one value over the calls; and a global (the
    same on every call) must explain values that differ between calls."""
    arrays = [array(value) for value in values]
    if kind == "global":
        return not all(values.shape == arrays[0].shape and np.array_equal(values, arrays[0]) for values in arrays)
    return np.ptp(np.concatenate([values.ravel() for values in arrays])) > 0


def changes(calls, names, constants=True):
    """(kind, what the sentence names, (the part changed, how)) for each change worth a replay on the calls (made as
    the first one's arguments allow); `names` are correct code's for the arguments, a global may have either its or
    the student's name; without `constants`, no array is set to 0 or 1 (in a training loop, an input of zeros can
    freeze a result at its start). A count is changed only where the calls give it two values at least: on one,
    "one more" and "always one" are the same thing."""
    call = calls[0]
    arguments = parts((call.args, call.kwargs))
    name = functools.partial(_argument, names=names)
    leaves = {path: values for path, value in arguments.items()  # a (1, 1) array (b2) too, not a single number
              if (values := array(value)) is not None and (values.size > 1 or isinstance(value, np.ndarray))}
    changes = []
    for path, values in leaves.items():
        if constants:
            changes += [("left out", (name(path),), (path, ("zeros",))), ("ones", (name(path),), (path, ("ones",)))]
        for other, theirs in leaves.items():
            if other != path and theirs.shape == values.shape and name(other) != name(path):
                changes.append(("swapped", (name(other), name(path)), (path, ("swapped", other))))
    for path, value in arguments.items():
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool) and len(
                {repr(parts((other.args, other.kwargs)).get(path)) for other in calls}) > 1:
            changes += [(kind, (name(path),), (path, ("count", kind))) for kind in COUNTS]
    for index in range(len(call.args)):
        for read in dict.fromkeys([*names[index:index + 1], *parameter_names(call.function)[index:index + 1]]):
            if read in call.namespace and not callable(call.namespace[read]):
                changes.append(("global", (read,), ((0, index), ("global", read))))
    return changes


def _argument(path, names):
    """How an argument's part is named in a sentence: a positional argument by correct code's name for it."""
    return names[path[1]] if len(path) == 2 and path[0] == 0 and path[1] < len(names) else label(path)


def _changed(call, change):
    """The call's (args, kwargs), copied, with the change made; None if it cannot be made (a path not there)."""
    path, (how, *detail) = change
    arguments = copy.deepcopy((list(call.args), call.kwargs))
    try:
        container = arguments
        for step in path[:-1]:
            container = container[step]
        value = container[path[-1]]
        if how == "global":
            new = copy.deepcopy(call.namespace[detail[0]])
        elif how in ("zeros", "ones"):
            new = (np.zeros_like if how == "zeros" else np.ones_like)(np.asarray(value, dtype=float))
        elif how == "count":
            new = COUNTS[detail[0]](value)
        else:  # another part of the arguments, in place of this one
            new = arguments
            for step in detail[0]:
                new = new[step]
            new = copy.deepcopy(new)
        container[path[-1]] = new
    except (KeyError, IndexError, TypeError):
        return None
    return tuple(arguments[0]), arguments[1]


def _explains(call, expected, changed):
    """(the parts equal to the changed reference's, those of them it changed) on one call; None if it cannot tell."""
    if changed.value[0] != "returned" or call.outcome.value[0] != "returned":
        return None
    mine, right, theirs = (parts(outcome.value[1]) for outcome in (call.outcome, expected, changed))
    equal = {part for part in right if part in mine and part in theirs and close(mine[part], theirs[part])}
    return equal, {part for part in equal if not close(right[part], theirs[part])}


def parameter_names(function):
    try:
        return list(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # a callable whose signature cannot be read: no argument is named
        return []
