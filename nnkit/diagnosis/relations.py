"""How one call's result relates to correct code's on the same call, part by part: the raw facts symptoms are made of.

A result is taken apart into parts (a dict entry by its key, a tuple item by its place, down to
arrays and numbers) and each part is compared with the reference's part at the same place. Each
relation is a small function that returns the `Symptom`s it sees; a relation that cannot be
seen on this call (a pre-activation of one sign cannot tell ReLU from the identity, a reference
all of one value cannot show a constant) says so with an "undecided" symptom, so that this call
neither confirms nor refutes it (nnkit.diagnosis.symptoms weighs the calls).
"""
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

ACTIVATIONS = {"tanh": np.tanh, "the sigmoid": lambda z: 1 / (1 + np.exp(-z)), "ReLU": lambda z: np.maximum(z, 0),
               "the identity": lambda z: z}
CLOSE = {"rtol": 1e-6, "atol": 1e-9}  # equal up to rounding: einsum and np.dot, float32 and float64


@dataclass(frozen=True)
class Symptom:
    kind: str  # a key of symptoms.SENTENCES; or "right", "wrong", "undecided"
    detail: tuple = ()  # what its sentence fills in beyond the parts it names; the same on every call
    example: tuple = field(default=(), compare=False)  # what its sentence fills in from one call (shapes, sizes)
    by_chance: bool = field(default=False, compare=False)  # one call may show it by chance (a factor between two
    # single numbers, a size equal to another): it takes two calls that show it


RIGHT, WRONG = Symptom("right"), Symptom("wrong")


def undecided(kind):
    """This call cannot show whether the symptom `kind` holds."""
    return Symptom("undecided", (kind,))


@dataclass(frozen=True)
class Context:
    """What the relations of a part may use besides the two values: the call's arguments and the reference's
    other parts (by path), and m (the number of examples, if the arguments tell it)."""
    arguments: dict
    reference: dict
    m: int


def of_call(result, expected, call):
    """{(part, Symptom)} between one call's result and the reference's."""
    mine, right = parts(result), parts(expected)
    arguments = parts((call.args, call.kwargs))
    context = Context(arguments, right, _examples(arguments.values()))
    found = _keys(result, mine, right, expected)
    for part, wanted in right.items():
        if part in mine:
            found |= {(part, symptom) for symptom in _compare(part, mine[part], wanted, context)}
    return found


def _compare(part, mine, wanted, context):
    """The symptoms of one part (none when it cannot be read as numbers)."""
    a, b = array(mine), array(wanted)
    if a is None or b is None:
        return set()
    if a.shape != b.shape:
        return {_shape(a, b, context.m)}
    if np.allclose(a, b, **CLOSE):
        return {RIGHT}
    found = {WRONG}
    for relation in (_factor, _step, _labels, _zero, _terms, _activations, _repeats, _other_axis, _normalised):
        found |= relation(part, a, b, context)
    if not any(symptom.kind == "activation" for symptom in found):  # an activation explains its own sign
        found |= _never_negative(a, b)
    return found


def _shape(a, b, m):
    """What is wrong with a's shape: the columns of examples (m of them, if the call tells) are told apart."""
    shape, wanted = tuple(a.shape), tuple(b.shape)
    if b.ndim == 2 and shape == wanted[::-1]:
        kind = "transposed"
    elif a.ndim == 1 and b.ndim == 2 and 1 in wanted and a.size == b.size:
        kind = "flattened"
    elif a.ndim == b.ndim == 2 and shape[0] == wanted[0] and shape[1] == 1 < wanted[1] == m:
        kind = "one example"
    elif a.ndim == b.ndim == 2 and wanted[1] == 1 < shape[1] == m and shape[0] in (1, wanted[0]):
        kind = "not summed"
    elif b.ndim == 0 and a.size == 1:
        kind = "not a number"
    else:
        kind = "shape"
    return Symptom(kind, example=(shape, wanted))  # the same kind on calls of other sizes


def _factor(part, a, b, context):
    """a = c b for one c: the sign, m or 1/m, or another factor (with the typical sizes of a and b)."""
    c = _ratio(a, b)
    if c is None:
        return set()
    m = context.m
    for kind, value in (("sign", -1.0), ("m times", m), ("m times too small", 1 / m if m else None)):
        if value is not None and np.isclose(c, value, rtol=1e-6):
            return {Symptom(kind)}
    # rounded, to be the same on every call; one number, or one value repeated, is always some multiple of another
    return {Symptom("times", (float(f"{c:.4g}"),), (_size(a), _size(b)), by_chance=np.ptp(b) == 0)}


def _step(part, a, b, context):
    """A parameter updated: its step from the argument of the same name reversed, left out, or scaled."""
    before = [array(value) for name, value in context.arguments.items() if label(name) == label(part)]
    if len(before) != 1 or before[0] is None or before[0].shape != b.shape or np.allclose(b, before[0]):
        return set()
    if np.allclose(a, before[0], rtol=1e-9, atol=1e-12):
        return {Symptom("not stepped")}
    c = _ratio(a - before[0], b - before[0])
    if c is None:
        return set()
    if np.isclose(c, -1.0):
        return {Symptom("step reversed")}
    # a rate scales every entry's step alike: one number's step (b2's) is a multiple of any other, whatever the
    # gradient taken, and a negative multiple is no rate
    return {Symptom("step times", (float(f"{c:.4g}"),))} if c > 0 and np.ptp(b - before[0]) > 0 else set()


def _labels(part, a, b, context):
    """Correct code gives 0/1 labels; this gives other values, or the opposite label everywhere."""
    if not set(np.unique(b)) <= {0.0, 1.0}:
        return set()
    both = set(np.unique(b)) == {0.0, 1.0}  # one label everywhere cannot tell a flip from a constant
    if set(np.unique(a)) <= {0.0, 1.0}:
        return {Symptom("flipped") if both else undecided("flipped")} if np.array_equal(a, 1 - b) else set()
    return {Symptom("not labels") if both else undecided("not labels")}


def _zero(part, a, b, context):
    return {Symptom("not zero")} if not np.any(b) else set()


def _terms(part, a, b, context):
    """a is b with an array of the arguments (a bias) left out, or added once more."""
    found = set()
    for name, term in context.arguments.items():
        term = array(term)
        if term is not None and term.size > 1 and np.any(term) and _broadcasts(term, b):
            if np.allclose(a, b - term, **CLOSE):
                found.add(Symptom("missing term", (label(name),)))
            elif np.allclose(a, b + term, **CLOSE):
                found.add(Symptom("extra term", (label(name),)))
    return found


def _activations(part, a, b, context):
    """a and b are two different activations of another part of the reference (its pre-activation)."""
    found = set()
    for name, before in context.reference.items():
        before = array(before)
        if before is not None and before.shape == b.shape:
            made, belongs = _activation(a, before), _activation(b, before)
            if made and belongs and made != belongs:
                one_sign = not (np.any(before < 0) and np.any(before > 0))  # ReLU and the identity agree there
                found.add(undecided("activation") if one_sign and {made, belongs} & {"ReLU", "the identity"}
                          else Symptom("activation", (made, belongs, label(name))))
    return found


def _activation(values, before):
    with np.errstate(all="ignore"):
        return next((name for name, function in ACTIVATIONS.items() if np.allclose(values, function(before), **CLOSE)),
                    None)


def _repeats(part, a, b, context):
    """Every entry, or every row, the same where correct code's differ."""
    if a.size == 1:  # one example cannot tell one label everywhere
        return {undecided("constant"), undecided("one label")}
    if np.all(a == a.flat[0]):
        if np.all(b == b.flat[0]):
            return {undecided("constant"), undecided("one label")}
        return {Symptom("one label" if set(np.unique(b)) == {0.0, 1.0} else "constant", (float(a.flat[0]),))}
    if a.ndim == 2 and a.shape[0] > 1 and np.all(a == a[:1]):
        return {Symptom("rows equal") if not np.all(b == b[:1]) else undecided("rows equal")}
    return set()


def _other_axis(part, a, b, context):
    """An entry that is a size of an argument along another axis than correct code's: (the entry, the argument, its
    axis, the right axis). Sizes are few: several calls tell a coincidence from a habit."""
    if a.ndim > 1:
        return set()
    found = set()
    for index in np.ndindex(a.shape):
        for name, value in context.arguments.items():
            shape = np.shape(value) if array(value) is not None else ()
            found |= {Symptom("other axis", (index, label(name), mine, right), by_chance=True)
                      for mine, size in enumerate(shape) if size == a[index] != b[index]
                      for right, other in enumerate(shape) if other == b[index] and right != mine}
    return found


def _normalised(part, a, b, context):
    """Each row sums to 1 over the examples (its columns) where correct code's does not: every output depends on the
    other examples."""
    if a.ndim != 2:
        return set()
    if a.shape[1] < 2:
        return {undecided("normalised")}  # one example is its own whole
    if not np.all((a > 0) & (a < 1)) or not np.allclose(a.sum(axis=1), 1, **CLOSE) or np.allclose(
            b.sum(axis=1), 1, **CLOSE):  # shares of a whole: 0/1 labels summing to 1 are no sign
        return set()
    return {Symptom("normalised")}


def _never_negative(a, b):
    """Many entries, spread out and none negative, where correct code's take both signs (a uniform draw on [0, 1))."""
    if not np.all(a >= 0):
        return set()
    # a few entries of one sign, or one value, happen by chance: such a call cannot tell
    telling = a.size >= 8 and np.ptp(a) > 0 and np.mean(b < 0) >= 0.25
    return {Symptom("never negative") if telling else undecided("never negative")}


def _keys(result, mine, right, expected):
    """Each dict of the reference's result that the student's lacks keys of: which, and which it has instead (the
    reference's dicts only: a result with thousands of its own costs no more)."""
    found = set()
    theirs = _dicts(result)
    for container in _dicts(expected) & theirs:
        def keys(found_parts):
            return list(dict.fromkeys(str(part[len(container)]) for part in found_parts
                                      if part[:len(container)] == container and len(part) > len(container)))
        lacking = [key for key in keys(right) if key not in keys(mine)]
        if lacking:
            found.add((container, Symptom("keys", (tuple(lacking), tuple(key for key in keys(mine)
                                                                          if key not in keys(right))))))
    return found


def _ratio(a, b):
    """c with a = c b up to rounding, if there is one (and b is not zero)."""
    norm = float(np.sum(b * b))
    if norm == 0:
        return None
    c = float(np.sum(a * b)) / norm
    if np.max(np.abs(a)) < 1e-9:  # rounding noise around zero is no multiple of anything
        return None
    return c if np.allclose(a, c * b, rtol=1e-6, atol=1e-12) else None


def _size(values):
    return float(np.sqrt(np.mean(values ** 2)))


def _broadcasts(term, values):
    try:
        return np.broadcast_shapes(term.shape, values.shape) == values.shape
    except ValueError:
        return False


def _examples(arguments):
    """m, the number of examples: the last size most of the call's 2-D arrays share (None when none or a tie)."""
    counts = defaultdict(int)
    for value in arguments:
        values = array(value)
        if values is not None and values.ndim == 2:
            counts[values.shape[1]] += 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def parts(value, path=()):
    """{path: leaf} of a result: dict entries by key and tuple or list items by index, down to arrays and numbers."""
    if isinstance(value, dict):
        return {part: leaf for key, item in value.items() for part, leaf in parts(item, path + (key,)).items()}
    if isinstance(value, (tuple, list)) and array(value) is None:  # (n_x, n_h, n_y) is one part, as its array
        return {part: leaf for index, item in enumerate(value) for part, leaf in parts(item, path + (index,)).items()}
    return {path: value}


def _dicts(value, path=()):
    """The paths of the dicts in a result."""
    if isinstance(value, dict):
        return {path} | {inner for key, item in value.items() for inner in _dicts(item, path + (key,))}
    if isinstance(value, (tuple, list)):
        return {inner for index, item in enumerate(value) for inner in _dicts(item, path + (index,))}
    return set()


def close(a, b):
    """Whether two values are the same numbers, up to rounding."""
    a, b = array(a), array(b)
    return a is not None and b is not None and a.shape == b.shape and bool(np.allclose(a, b, **CLOSE))


def array(value):
    """A numeric value as a float array (None for anything else)."""
    if isinstance(value, (bool, str)) or value is None:
        return None
    try:
        values = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return values if values.dtype.kind == "f" else None


def label(part, function=None):
    """How a part is named in a sentence: its last key (dW1), else its place in the result (or the arguments)."""
    keys = [key for key in part if isinstance(key, str)]
    if keys:
        return keys[-1]
    if not part:
        return f"{function}'s result" if function else "the argument"
    ordinal = ("first", "second", "third")[part[-1]] if part[-1] < 3 else f"number {part[-1] + 1}"
    return f"the {ordinal} value {function} returns" if function else f"the {ordinal} argument"
