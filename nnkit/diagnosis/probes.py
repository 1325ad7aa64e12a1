"""What the student's own function gives on part of a call's examples: which term of a formula is wrong.

A result that is wrong on a call may still be right on some of its examples: a cost whose
(1 - Y) log(1 - A2) term is wrong, or missing, is right on the examples labelled 1. Where one
argument holds 0/1 labels, one per example (a single row, one column per example), the
student's function and the reference are each run again on the examples of one label only
(every array of the arguments with one column per example cut to those columns). A part right
on the examples of one label and wrong on the other's, on every call that has both labels, is
named by the term only the other label's examples add, if the examples it is right on were of two
numbers at least (a half right at one size may be a size written in that happens to equal it).

Trust: the student's function runs again as a check runs it (nnkit.diagnosis._probe: quietly,
on copies, its errors caught, a stop of the grading passed on); nothing it returns is trusted
beyond its numbers.
"""
import numpy as np

from nnkit.diagnosis.relations import Symptom, close, parts

# the sentence, from who shows it ("compute_cost's result"), "is"/"are", and the labels it is wrong and right on
SENTENCES = {
    "labelled": lambda who, verb, wrong, right: (
        f"{who} {verb} right on the examples labelled {right} and wrong on those labelled {wrong}: is the term of the "
        f"formula that only the examples labelled {wrong} add (where Y is {wrong}) written as it should be?"),
}


def by_label(calls, probe, replay):
    """{(part, Symptom)}: each part right on one label's examples and wrong on the other's, on every call with both;
    `probe(call, arguments)` is the student's function's outcome on other arguments, `replay` the reference's."""
    found, sizes = None, {0: set(), 1: set()}
    for call in calls:
        halves = _halves(call)
        if halves is None:
            continue  # no labels of both kinds: this call cannot tell
        right = {}
        for label, (arguments, size) in halves.items():
            sizes[label].add(size)
            mine, theirs = probe(call, arguments), replay(call, arguments)
            if "raised" in (mine.value[0], theirs.value[0]):
                return set()  # a half the function cannot take: no term to point at
            mine, theirs = parts(mine.value[1]), parts(theirs.value[1])
            right[label] = {part for part in theirs if part in mine and close(mine[part], theirs[part])}
        shown = {(part, Symptom("labelled", (1 - label, label))) for label in (0, 1)
                 for part in right[label] - right[1 - label]}
        found = shown if found is None else found & shown
    # right on a half of one size may be chance (a count of examples written as another size that happens to equal it)
    return {(part, symptom) for part, symptom in found or () if len(sizes[symptom.detail[1]]) > 1}


def _halves(call):
    """{label: ((args, kwargs) cut to the examples of that label, how many they are)}, or None where the call has no
    single row of 0/1 labels with both kinds among its arguments."""
    rows = [values for values in _arrays((call.args, call.kwargs))
            if values.ndim == 2 and values.shape[0] == 1 and values.shape[1] > 1 and np.isin(values, (0, 1)).all()]
    if len(rows) != 1 or len(np.unique(rows[0])) != 2:
        return None  # several candidates would be a guess
    labels = rows[0][0]
    return {label: (_cut((list(call.args), call.kwargs), labels == label, labels.size), int(np.sum(labels == label)))
            for label in (0, 1)}


def _arrays(value):
    if isinstance(value, dict):
        return [found for item in value.values() for found in _arrays(item)]
    if isinstance(value, (tuple, list)):
        return [found for item in value for found in _arrays(item)]
    return [value] if isinstance(value, np.ndarray) and value.dtype.kind in "biuf" else []


def _cut(value, columns, m):
    """The value with every 2-D array of m columns cut to the chosen ones (args as a tuple)."""
    if isinstance(value, dict):
        return {key: _cut(item, columns, m) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_cut(item, columns, m) for item in value)
    if isinstance(value, tuple):
        return tuple(_cut(item, columns, m) for item in value)
    if isinstance(value, np.ndarray) and value.ndim == 2 and value.shape[1] == m:
        return value[:, columns].copy()
    return value
