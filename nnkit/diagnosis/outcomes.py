"""What a student function's call returned or raised, kept as a copy and compared up to float rounding.

The one comparison of the diagnosis: a replay fits when its Outcome equals the student's
(nnkit.diagnosis), and two calls have the same arguments when theirs do (nnkit.diagnosis.symptoms).
"""
import copy

import numpy as np


def copied(value):
    try:
        return copy.deepcopy(value)
    except Exception:  # an uncopyable result can only be compared by identity: it matches nothing
        return object()


def outcome(result=None, error=None, where=None):
    """`where`: for an error, the student's function whose code raised it."""
    if error is not None:
        return Outcome(("raised", type(error).__name__, str(error)), where)
    return Outcome(("returned", copied(result)))


class Outcome:
    """What a call returned or raised, compared up to float rounding; where it raised is kept beside, not compared."""

    def __init__(self, value, where=None):
        self.value = value
        self.where = where  # the student's function whose code raised (the function called, for its own code)

    def __eq__(self, other):
        return isinstance(other, Outcome) and _same(self.value, other.value)


def _same(a, b):
    if isinstance(a, dict) or isinstance(b, dict):
        return isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys() and all(
            _same(a[key], b[key]) for key in a)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)) and not _numeric(a) and not _numeric(b):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if _numeric(a) and _numeric(b):
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-7, atol=1e-12, equal_nan=True))
    try:
        return bool(a == b)
    except Exception:  # objects whose == is not a truth value match nothing
        return False


def _numeric(value):
    try:
        array = np.asarray(value)
    except Exception:  # ragged or odd objects are not numeric
        return False
    return array.dtype.kind in "biuf"
