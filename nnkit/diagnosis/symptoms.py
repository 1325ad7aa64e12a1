"""Name the likely mistake by its symptom: how the student's results relate to correct code's on the same calls.

Replay (nnkit.diagnosis) names a mistake the catalog holds exactly; its near relatives (randn
x 10 where the catalog knows x 1, the 1/m dropped from another gradient, a bias forgotten in
the other layer) behave like no catalog case. Their results still stand in a simple relation to
correct code's on the check's own calls, and that relation is what the student needs to hear.
Each part of the result (a dict entry, a tuple item) is compared with the reference's, the
right version of the catalog most other right versions agree with, replayed on the same call
(nnkit.diagnosis.relations: a factor, a shape, a term or an activation, a step, repeats); the
calls are compared with each other (the same result whatever the arguments or the random state);
the reference is replayed with one input changed (nnkit.diagnosis.substitutions); the student's
function is run again on the examples of one label (nnkit.diagnosis.probes); and an error the
function itself raised is read for what numpy or Python says. Where nothing more specific
holds, the sentence says which parts are right.

A symptom is named only when every call that can tell shows it (a call that cannot, like a
pre-activation of one sign for ReLU, neither confirms nor refutes; what one call may show by
chance takes two), and no other right version shows it against the reference: a relation
correct code can have is no evidence of a mistake. Each sentence says what was observed and asks
the question it raises, most specific first, the parts that share a symptom in one sentence, each
part under its most specific symptom only.
"""
import re
from collections import defaultdict

import numpy as np

from nnkit.diagnosis import probes, substitutions
from nnkit.diagnosis.outcomes import Outcome
from nnkit.diagnosis.relations import RIGHT, Symptom, array, label, of_call, parts, undecided

AXES = ("rows", "columns")
WHERE = "the mistake is in what only"  # how a sentence that only says where the mistake is goes on
MOST = 3  # sentences per function: the most specific; more would bury them
ERRORS = [  # what numpy or Python says where the function itself raised -> what it suggests ({}: the name it quotes)
    (r"operands could not be broadcast together", "arrays of shapes that do not match were combined entry by entry: "
                                                  "is * used where a matrix product (np.dot) belongs, or is one of "
                                                  "them not the array it should be?"),
    (r"not aligned|mismatch in its core dimension", "the inner sizes of a matrix product do not match: is a "
                                                    "transpose missing, are the factors in the wrong order, or is one "
                                                    "of them not the array it should be?"),
    (r"name '(\w+)' is not defined|local variable '(\w+)'", "it uses {} before anything sets it: is the line that sets "
                                                           "it missing, or the name misspelt?"),
    (r"index out of range|out of bounds for axis", "it reads past the end of a list or an array: is an index too "
                                                   "large (l + 1 where l belongs), or does a loop run too far?"),
    (r"indices must be integers|cannot be interpreted as an integer", "a number that is not whole is used where a "
                                                                       "whole number belongs (an index, a size, a "
                                                                       "count): is it computed with / or scaled?"),
    (r"negative dimensions", "an array is made with a negative size: is a size read from the wrong place, or an "
                             "index off by one?"),
    (r"(\w+)\(\) missing \d+ required positional argument", "it calls {} without all the arguments it needs: is "
                                                         "one left out of the call?"),
]


def _one(verb):
    """Where several parts share a symptom, the shapes or sizes said are one part's, on one call."""
    return "" if verb == "is" else "for one of them, "


def _entry(index):
    """Which entry of a part a sentence is about ("entry 3 of layer_sizes's result is ..."), if one."""
    return f"entry {index[0] + 1} of " if index else ""


def _shaped(observed, question):
    """The sentence of a shape symptom: what the parts are, one call's shapes, and the question it raises."""
    return lambda who, verb, shape, wanted: (f"{who} {verb} {observed} ({_one(verb)}shape {shape} where {wanted} "
                                             f"belongs): {question}")


def _activation(who, verb, made, belongs, of):
    if made == "the identity":
        return f"{who} {verb} {of} itself, where {belongs} of {of} belongs: is the activation left out?"
    return f"{who} {verb} {made} of {of}, where {belongs} of {of} belongs: is the wrong activation used?"


# kind -> the sentence, from who shows it ("dW1 and db1"), "is"/"are", and the symptom's detail
SENTENCES = {
    "activation": _activation,
    **substitutions.SENTENCES,
    "step reversed": lambda who, verb: (f"{who} {verb} moved by correct code's step reversed, up the gradient: "
                                          "is the step added instead of subtracted?"),
    "not stepped": lambda who, verb: (f"{who} {verb} returned as given, where correct code's take a step: is "
                                        "each parameter stepped down its own gradient?"),
    "step times": lambda who, verb, factor: (f"{who} {verb} moved {factor:.4g} times as far as correct code's: is "
                                               "the learning rate the one given?"),
    "missing term": lambda who, verb, term: f"{who} {verb} short of exactly {term} on every call: is {term} added?",
    "extra term": lambda who, verb, term: f"{who} {verb} over by exactly {term} on every call: is {term} added twice?",
    "sign": lambda who, verb: (f"{who} {verb} correct code's with the sign flipped: is a difference taken the "
                                 "wrong way round, or a minus lost?"),
    "m times": lambda who, verb: (f"{who} {verb} m times correct code's (m, the number of examples): is the "
                                    "average over the examples (the 1/m) missing?"),
    "m times too small": lambda who, verb: (f"{who} {verb} m times smaller than correct code's (m, the number of "
                                              "examples): is it divided by m twice?"),
    "times": lambda who, verb, factor, mine, right: (
        f"{who} {verb} {factor:.4g} times correct code's on every call ({_one(verb)}typically {mine:.2g} in size "
        f"where about {right:.2g} belongs): is it scaled by the wrong factor?"),
    "transposed": _shaped("the transpose of correct code's",
                          "is a product taken in the wrong order, or the sizes given the wrong way round?"),
    "flattened": _shaped("1-D where a column belongs", "is keepdims=True or the (n, 1) shape missing?"),
    "one example": _shaped("one column where there is one per example", "is only the first example used?"),
    "not summed": _shaped("several columns wide where one column belongs",
                          "is the sum over the examples (axis=1) missing, or taken over the wrong axis?"),
    "not a number": lambda who, verb, shape, wanted: (
        f"{who} {verb} an array of shape {shape} where one number belongs: does it still need float() or np.squeeze?"),
    "reseeded": lambda who, verb, index=(): (
        f"{_entry(index)}{who} {verb} the same on every call, whatever the random state, where correct code's draws "
        "change: does the function set np.random.seed itself?"),
    "ignores arguments": lambda who, verb, index=(): (
        f"{_entry(index)}{who} {verb} the same on every call, whatever the arguments, where correct code's change: "
        "are the arguments ignored (a size or a rate written as a number, a global used instead)?"),
    "other number": lambda who, verb, mine, right, index: (
        f"{_entry(index)}{who} {verb} {mine:g} on every call, where correct code's is {right:g}: is the size written "
        "in the one asked for?"),
    "rows equal": lambda who, verb: (f"every row of {who} is the same, where correct code's differ: every "
                                       "hidden unit then computes the same function. Is one row repeated?"),
    "constant": lambda who, verb, value: (f"every entry of {who} is {value:.3g}, where correct code's differ: is "
                                            "it set to a constant rather than computed or drawn at random?"),
    "not zero": lambda who, verb: (f"{who} {verb} not zero, where correct code's {verb} all zeros: is it set or "
                                     "drawn where it should start at zero?"),
    "other axis": lambda who, verb, index, argument, mine, right: (
        f"{_entry(index)}{who} {verb} the number of {AXES[mine]} of {argument}, where "
        f"its number of {AXES[right]} belongs: is the size read off the wrong axis?"),
    "normalised": lambda who, verb: (f"{who} {verb} normalised over the examples (each row sums to 1), where "
                                     "correct code's outputs are each example's own: is it divided by a sum over the "
                                     "examples (a softmax across the batch) instead of a sigmoid per example?"),
    "never negative": lambda who, verb: (
        f"{who} {verb} never negative, where correct code's take both signs: if drawn at random, is it drawn "
        "with np.random.rand (uniform on [0, 1)) where np.random.randn belongs?"),
    "one label": lambda who, verb, value: (f"{who} labels every example {value:g}, where correct code's labels "
                                           "differ: is the threshold taken on the right value, at 0.5?"),
    "flipped": lambda who, verb: (f"{who} labels every example the opposite of correct code: is the comparison the "
                                  "wrong way round (< where > belongs)?"),
    "not labels": lambda who, verb: (f"{who} {verb} not all 0 or 1, where correct code's are labels: is a "
                                       "threshold missing?"),
    **probes.SENTENCES,
    "shape": _shaped("not the shape of correct code's", "which sizes and arrays is it made from?"),
    "keys": lambda who, verb, missing, instead: (
        f"{who} {verb} missing the key(s) {', '.join(missing)}"
        + (f" and {'has' if verb == 'is' else 'have'} {', '.join(instead)} instead" if instead else "")
        + ": is each stored in the result, under its own name?"),
}


def named(calls, reference, others, replay=None, names=(), relations=True, probe=None):
    """The sentences for the symptoms the student's `calls` show against `reference` (a right version's outcome on
    each call) that none of `others` (the other right versions' outcomes, alike) shows; with `replay(call, arguments)`,
    the reference's outcome on changed arguments (`names`: its arguments'), also the changes of the arguments that
    explain the results; with `probe(call, arguments)`, the student's function's outcome on other arguments, also
    the parts right on the examples of one label only. Without `relations`, only the changes: exact replays, for
    results where a relation may hold by chance."""
    if not calls or any(outcome.value[0] != "returned" for outcome in reference):
        return []
    function = calls[0].function.__name__
    changes = substitutions.changes(calls, names, constants=relations) if replay is not None else []
    raised = [call for call in calls if call.outcome.value[0] == "raised"]
    if raised:  # where another function raised, what it says is about that one
        changes = substitutions.raising(calls, replay, changes) if len(raised) == len(calls) else set()
        said = [] if any(call.raised_elsewhere for call in raised) else _raised(
            [call.outcome.value for call in raised], function)
        order = list(SENTENCES)
        return [SENTENCES[symptom.kind](f"{function}'s error", "is", *symptom.detail)
                for symptom in sorted(changes, key=lambda symptom: (order.index(symptom.kind), symptom.detail))] + said
    found = _shown(calls, [call.outcome.value[1] for call in calls], reference) if relations else set()
    for outcomes in others:  # what right code shows is no evidence of a mistake; its "right" parts are no veto
        if found and all(outcome.value[0] == "returned" for outcome in outcomes):
            found -= {shown for shown in _shown(calls, [outcome.value[1] for outcome in outcomes], reference)
                      if shown[1].kind != "right"}
    if probe is not None and relations:
        found |= probes.by_label(calls, probe, replay)
    if changes:  # a value that stays put whatever an argument is may as well be written in: no global
        ignored = {part for part, symptom in found if symptom.kind == "ignores arguments"}
        found |= {(part, symptom) for part, symptom in substitutions.explained(calls, reference, replay, changes)
                  if not (symptom.kind == "global" and part in ignored)}
    return _sentences(_without_misplaced(found), function)


def _without_misplaced(found):
    """Where a dict's keys are not correct code's, its entries are compared with the wrong ones: only the keys count."""
    renamed = [part for part, symptom in found if symptom.kind == "keys"]
    return {(part, symptom) for part, symptom in found if symptom.kind == "keys" or not any(
        part[:len(container)] == container and len(part) > len(container) for container in renamed)}


def _raised(raised, function):
    """What numpy's or Python's error says, the same on every call where the student's code raised and correct code
    returned."""
    said = {_error_says(message) for _, _, message in raised}
    if len(said) != 1 or None in said:
        return []
    return [f"{function} raises where correct code returns: {said.pop()}"]


def _error_says(message):
    for pattern, suggestion in ERRORS:
        found = re.search(pattern, message)
        if found:
            return suggestion.format(*[name for name in found.groups() if name])
    return None


def _shown(calls, results, references):
    """{(part, Symptom)} that the results show against the references' on the calls: on one call at least (two, for
    what one call may show by chance), and on each other call too, unless that call cannot tell (the part right
    there, or a call unable to show it, like a pre-activation of one sign for ReLU). Being right, or wrong, takes
    every call."""
    expected = [outcome.value[1] for outcome in references]
    per_call = [of_call(result, want, call) for result, want, call in zip(results, expected, calls)]

    def holds(part, symptom, found):
        return (part, symptom) in found or symptom.kind not in ("right", "wrong") and (
            (part, RIGHT) in found or (part, undecided(symptom.kind)) in found)

    def showing(part, symptom):
        return sum((part, symptom) in found for found in per_call)

    held = {(part, symptom) for part, symptom in set().union(*per_call) if symptom.kind != "undecided"
            and all(holds(part, symptom, found) for found in per_call)
            and showing(part, symptom) >= (2 if symptom.by_chance else 1)}
    return held | _across_calls(calls, results, expected)


def _across_calls(calls, results, expected):
    """A part that stays the same where the reference's changes: over calls with the same arguments (the random state
    ignored: reseeded), or over all calls (the arguments ignored)."""
    groups = []  # the indices of calls with equal arguments
    for index, call in enumerate(calls):
        group = next((group for group in groups if _same_arguments(call, calls[group[0]])), None)
        if group is None:
            groups.append([index])
        else:
            group.append(index)
    found = set()
    for group in groups:
        if len(group) > 1:
            found |= _unchanging([results[i] for i in group], [expected[i] for i in group], "reseeded")
    if len(groups) > 1:
        found |= _unchanging(results, expected, "ignores arguments") | _other_number(results, expected)
    return found


def _other_number(results, expected):
    """Each whole number (a part, or an entry of a list of numbers like sizes) that is one value on every call, as
    correct code's is, but another value: a size written in, where the one asked for belongs. Only whole numbers: a
    parameter the calls leave alone is one value on every call too, and its difference is no number written in."""
    mine, right = [parts(result) for result in results], [parts(result) for result in expected]
    found = set()
    for part in right[0]:
        values = [array(found_parts.get(part)) for found_parts in mine]
        wanted = [array(found_parts.get(part)) for found_parts in right]
        if any(value is None or value.shape != wanted[0].shape or value.ndim > 1 for value in values + wanted):
            continue
        for index in np.ndindex(wanted[0].shape):
            numbers, rights = {float(value[index]) for value in values}, {float(value[index]) for value in wanted}
            if len(numbers) == len(rights) == 1 and numbers != rights and all(map(float.is_integer, numbers | rights)):
                found.add((part, Symptom("other number", (*numbers, *rights, index))))
    return found


def _unchanging(results, expected, kind):
    """Each part, or entry of a list of numbers (like sizes), that is the same in every result where the expected
    ones differ."""
    mine, right = [parts(result) for result in results], [parts(result) for result in expected]
    found = set()
    for part in right[0]:
        values = [array(found_parts.get(part)) for found_parts in mine]
        wanted = [array(found_parts.get(part)) for found_parts in right]
        if any(value is None for value in values + wanted) or any(value.shape != values[0].shape for value in values):
            continue
        if _fixed(values, wanted, kind):
            found.add((part, Symptom(kind)))
        elif values[0].ndim == 1 and all(value.shape == values[0].shape for value in wanted):
            found |= {(part, Symptom(kind, ((index,),))) for index in range(values[0].size)
                      if _fixed([value[index] for value in values], [value[index] for value in wanted], kind)}
    return found


def _fixed(values, wanted, kind):
    """The values are all the same where the wanted ones are not; a reseed shows only in drawn (varied) values."""
    drawn = not np.all(values[0] == np.ravel(values[0])[0])
    return all(np.array_equal(value, values[0]) for value in values) and (drawn or kind != "reseeded") and not all(
        np.shape(value) == np.shape(wanted[0]) and np.allclose(value, wanted[0]) for value in wanted)


def _same_arguments(call, first):
    return Outcome((call.args, call.kwargs)) == Outcome((first.args, first.kwargs))


def _sentences(found, function):
    """One sentence per (kind, detail), its parts together; the most specific kinds first, MOST of them. A part is
    named by its most specific kind only: two kinds on one part are two readings of one difference (a step reversed at
    a rate of 1/2 is also over by exactly the gradient), and the less specific one would ask a question in vain."""
    order = list(SENTENCES)
    first = {}  # part -> the place in the order of its most specific kind
    for part, symptom in found:
        if symptom.kind in SENTENCES:
            first[part] = min(first.get(part, len(order)), order.index(symptom.kind))
    parts_of = defaultdict(list)
    for part, symptom in sorted(found, key=lambda shown: str(shown[0])):  # the shapes said: the first part's
        if symptom.kind not in SENTENCES or order.index(symptom.kind) == first[part]:
            parts_of[symptom].append(part)
    sentences = []
    for symptom in sorted((symptom for symptom in parts_of if symptom.kind in SENTENCES),
                          key=lambda symptom: (order.index(symptom.kind), sorted(map(str, parts_of[symptom])))):
        sentences.append(SENTENCES[symptom.kind](*_listed(parts_of[symptom], function), *symptom.detail,
                                                 *symptom.example))
    right = {part for symptom, parts in parts_of.items() if symptom.kind == "right" for part in parts}
    wrong = {part for symptom, parts in parts_of.items() if symptom.kind != "right" for part in parts} - right
    if right and wrong and not sentences:  # no more specific symptom: at least where the mistake is
        right, wrong = _listed(right, function), _listed(wrong, function)
        sentences.append(f"{right[0]} {right[1]} right and {wrong[0]} {wrong[1]} not: {WHERE} {wrong[0]} "
                         f"{'needs' if wrong[1] == 'is' else 'need'}.")
    return sentences[:MOST]


def only_locates(sentence):
    """Whether a likely mistake said only where the mistake is (which parts are right), naming none."""
    return WHERE in sentence


def _listed(parts, function):
    """("dW1, db1 and dW2", "are"): parts named in a sentence, and its verb."""
    labels = [label(part, function) for part in sorted(parts, key=str)]
    return (labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1],
            "is" if len(labels) == 1 else "are")
