"""What correct code gives with one of the call's arguments changed: a mistake that reads the wrong input.

Some mistakes are correct code run on the wrong input: Z1 taken from the cache where A1
belongs, W2 left out of a product (as if every entry were 1: broadcasting lets it run), the
slope's A1 left out (as if it were 0), the notebook's global `parameters` used in place of the
argument. Each is found by replaying the reference (the right version most others agree with)
on the call with one array part of the arguments changed: set to 0, set to 1, swapped with
another part of the same shape, or replaced by the notebook's global of the argument's name. A
part of the student's result is explained by a change when it equals the changed reference's
on every call, and differs from the unchanged one on some: the change made the difference.

Trust: the changed arguments are copies; the reference is the kit's own catalog code, run as
in any replay (nnkit.diagnosis._replay), among the student's globals.
"""
import copy
import inspect

import numpy as np

from nnkit.diagnosis.relations import CLOSE, Symptom, array, label, parts

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
}


def explained(calls, expected, replay):
    """{(part, Symptom)}: each part of the student's results that one change of the arguments explains on every call;
    `expected` is the reference's outcome on each call, `replay(call, arguments)` its outcome on changed ones."""
    found = None
    for change in _changes(calls[0]):
        per_call = []
        for call, want in zip(calls, expected):
            changed = _changed(call, change)
            per_call.append(None if changed is None else _explains(call, want, replay(call, changed)))
        if any(shown is None for shown in per_call):
            continue  # the change cannot be made on every call, or correct code raises on it
        held = set.intersection(*(shown[0] for shown in per_call)) & set.union(*(shown[1] for shown in per_call))
        found = (found or set()) | {(part, Symptom(change[0], change[1])) for part in held
                                    if _telling(change[0], [parts(call.outcome.value[1]).get(part) for call in calls])}
    return found or set()


def _telling(kind, values):
    """Whether a part's values on the calls can show a change: many changes explain one value everywhere (all labels
    1, a size written as a number), so at least one call's value has different entries, and a global (the same on
    every call) must explain values that differ between calls."""
    arrays = [array(value) for value in values]
    varied = any(values.size > 1 and np.ptp(values) > 0 for values in arrays)
    if kind == "global":
        return not all(values.shape == arrays[0].shape and np.array_equal(values, arrays[0]) for values in arrays)
    return varied


def _changes(call):
    """(kind, what the sentence names, how to change the arguments) for each change worth a replay on this call."""
    leaves = {path: values for path, value in parts((call.args, call.kwargs)).items()
              if (values := array(value)) is not None and values.size > 1}
    changes = []
    for path, values in leaves.items():
        changes += [("left out", (label(path),), (path, "zeros")), ("ones", (label(path),), (path, "ones"))]
        changes += [("swapped", (label(other), label(path)), (path, other)) for other, theirs in leaves.items()
                    if other != path and theirs.shape == values.shape and label(other) != label(path)]
    for index, name in enumerate(_parameter_names(call.function)[:len(call.args)]):
        if name in call.namespace and not callable(call.namespace[name]):
            changes.append(("global", (name,), ((0, index), "global")))
    return changes


def _changed(call, change):
    """The call's (args, kwargs), copied, with the change made; None if it cannot be made (a path not there)."""
    path, how = change[2]
    arguments = copy.deepcopy((list(call.args), call.kwargs))
    container, key = arguments, None
    try:
        for step in path[:-1]:
            container = container[step]
        key = path[-1]
        value = container[key]
        if how == "global":
            container[key] = copy.deepcopy(call.namespace[_parameter_names(call.function)[key]])
        elif how in ("zeros", "ones"):
            container[key] = (np.zeros_like if how == "zeros" else np.ones_like)(np.asarray(value, dtype=float))
        else:
            source = arguments
            for step in how:
                source = source[step]
            container[key] = copy.deepcopy(source)
    except (KeyError, IndexError, TypeError):
        return None
    return tuple(arguments[0]), arguments[1]


def _explains(call, expected, changed):
    """(the parts equal to the changed reference's, those of them it changed) on one call; None if it cannot tell."""
    if changed.value[0] != "returned" or call.outcome.value[0] != "returned":
        return None
    mine, right, theirs = (parts(outcome.value[1]) for outcome in (call.outcome, expected, changed))
    equal = {part for part in right if part in mine and part in theirs and _close(mine[part], theirs[part])}
    return equal, {part for part in equal if not _close(right[part], theirs[part])}


def _close(a, b):
    a, b = array(a), array(b)
    return a is not None and b is not None and a.shape == b.shape and bool(np.allclose(a, b, **CLOSE))


def _parameter_names(function):
    try:
        return list(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # a callable whose signature cannot be read: no argument is named
        return []
