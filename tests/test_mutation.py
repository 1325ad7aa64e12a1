"""`nnkit mutants`: small changes to the solution, and whether the hidden tests notice them.

Fast: the operators on a function written here, and one graded function's mutants graded in-process. Slow: every
graded function of every assignment, as `nnkit mutants` runs it.
"""
import ast

import pytest

from conftest import ROOT
from nnkit.course import assignments
from nnkit.mutation import operators, run

BACKWARD = '''def backward(parameters, cache, X, Y):
    """A docstring is no statement to delete."""
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    A1 = np.tanh(dZ2 @ X.T)
    for l in range(1, 3):
        m += 1
    return {"dW1": A1, "db2": db2}
'''


def test_every_operator_of_the_lesson_makes_its_mutants():
    # fails if an operator is lost (a slip of the lesson no mutant stands for), or one makes a mutant that does not
    # parse, or the docstring is deleted as if it were code
    found = operators.mutants(BACKWARD)
    changes = {(mutant.line, mutant.change) for mutant in found}
    for expected in [(3, "the statement on line 3 deleted"), (4, "- -> +"), (5, "/ -> *"), (5, "axis=1 -> axis=0"),
                     (5, "keepdims dropped"), (6, "tanh -> sigmoid"), (6, "tanh -> relu"), (6, "tanh -> identity"),
                     (6, "a transpose dropped"), (6, "a transpose added to the left operand"), (6, "@ -> *"),
                     (7, "the loop bound - 1"), (7, "the loop bound + 1"), (3, "the constant 1 -> 0"),
                     (9, "the returned key 'dW1' dropped")]:
        assert expected in changes, expected
    assert (2, "the statement on line 2 deleted") not in changes
    ignoring = operators.mutants("def update(p, g, learning_rate=1.2):\n    return p - learning_rate * g\n")
    assert [(m.change, m.source.splitlines()[1].strip()) for m in ignoring if "ignored" in m.change] == [
        ("the parameter learning_rate ignored: its default 1.2 used instead", "return p - 1.2 * g")]
    sources = [mutant.source for mutant in found]
    assert len(set(sources)) == len(sources) and ast.unparse(ast.parse(BACKWARD)) not in sources
    for source in sources:
        ast.parse(source)


@pytest.fixture(scope="module")
def predict_outcomes(course):
    outcomes = run.score(course, ["predict"]).outcomes
    return {run.describe(outcome.mutant): outcome for outcome in outcomes}


def test_a_graded_functions_mutants_are_killed_or_shown_equivalent(predict_outcomes):
    # fails if the hidden tests stop noticing a slip in predict, or if a mutant the checks cannot tell apart is
    # called equivalent without a replay (or a killed one is)
    assert len(predict_outcomes) >= 5
    kinds = {describe: outcome.kind for describe, outcome in predict_outcomes.items()}
    assert set(kinds.values()) <= {"killed", "equivalent"}, kinds
    threshold = next(outcome for describe, outcome in predict_outcomes.items() if describe.endswith("0.5 -> 0"))
    assert threshold.kind == "killed" and threshold.failed == ["predict_labels"] and threshold.named
    assert kinds[next(describe for describe in kinds if describe.endswith("> -> >="))] == "equivalent"


def test_grading_each_mutant_until_it_is_killed_changes_no_kind_and_keeps_its_first_failure(course,
                                                                                            predict_outcomes):
    # fails if --until-killed stops before a failing cell is judged (a killed mutant would look like a survivor), or
    # skips the equivalence replay of one that never fails
    quick = {run.describe(outcome.mutant): outcome for outcome in run.score(course, ["predict"],
                                                                           until_killed=True).outcomes}
    assert quick.keys() == predict_outcomes.keys()
    for describe, outcome in predict_outcomes.items():
        assert quick[describe].kind == outcome.kind, describe
        assert set(quick[describe].failed) <= set(outcome.failed), describe
        assert len(quick[describe].failed) == (outcome.kind == "killed"), describe


def test_a_failure_that_only_says_where_the_mistake_is_is_counted_apart():
    # fails if a mutant whose failures name a mistake somewhere is counted as only saying where (any, not all), or one
    # that only says which parts are right is not told apart from one that names a mistake
    where = "dW2 and db2 are right and dW1 and db1 are not: the mistake is in what only dW1 and db1 need."
    mistake = "dW1 is m times correct code's (m, the number of examples): is the average over the examples missing?"
    assert run.Outcome(None, likely=(where,), kind="killed").only_where
    assert not run.Outcome(None, likely=(where, mistake), kind="killed").only_where
    assert not run.Outcome(None, kind="killed").only_where


def test_the_report_counts_each_kind_and_lists_each_survivor_and_unneeded_acceptance(predict_outcomes):
    # fails if a survivor or a stale acceptance goes unlisted (the command would exit 1 without saying why), the
    # counts do not add up, or the share of killed mutants named over all functions (and of them, those that only say
    # where the mistake is) is missing or counts others
    outcomes = list(predict_outcomes.values())
    survivor = outcomes[0]
    survivor_kind, survivor.kind = survivor.kind, "survived"
    try:
        score = run.Score(outcomes, 12.3, ["predict: line 9: a change no longer made"])
        lines = run.report(score)
        assert not score.passed
    finally:
        survivor.kind = survivor_kind
    row = next(line for line in lines if line.startswith("predict "))
    counts = [int(number) for number in row.split()[1:6]]
    assert counts[0] == len(outcomes) == sum(counts[1:])
    killed = [outcome for outcome in outcomes if outcome.kind == "killed" and outcome is not survivor]
    named, where = sum(outcome.named for outcome in killed), sum(outcome.only_where for outcome in killed)
    assert killed and next(line for line in lines if line.startswith("all ")).endswith(  # the target
        f"{named} of {len(killed)} ({named / len(killed):.0%}), {where} only where")
    assert f"SURVIVED  {run.describe(survivor.mutant)}" in lines
    assert any(line.startswith("UNNEEDED  predict: line 9: a change no longer made: ") for line in lines)
    assert lines[-1].startswith(f"{len(outcomes)} mutants in 12 s; 1 survived")


@pytest.mark.slow
@pytest.mark.parametrize("assignment", [course.assignment for course in assignments(ROOT)])
def test_every_mutant_of_every_graded_function_is_killed_equivalent_or_accepted_with_a_reason(assignment, course):
    # fails if a change to the checks lets a slip of the solution through unnoticed (a survivor), or leaves an
    # acceptance in mutants.py that no survivor needs; and if no mutant at all is killed (a run that graded nothing).
    # Until killed, as `nnkit mutants --until-killed`: the same kinds (the test above), in a third of the time.
    score = run.score(type(course)(course.root, assignment), until_killed=True)
    survivors = [run.describe(outcome.mutant) for outcome in score.outcomes if outcome.kind == "survived"]
    assert not survivors and not score.unneeded, (survivors, score.unneeded)
    assert sum(outcome.kind == "killed" for outcome in score.outcomes) > len(score.outcomes) / 2
