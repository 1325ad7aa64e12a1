"""The accuracy report judges each graded case against its label, and sums up. Fast: made-up grades."""
from pathlib import Path

from nnkit.accuracy import HeldOut, Measurement, Verdict, held_out_totals, table, totals
from nnkit.diagnosis.catalog import Case
from nnkit.grading import Grades

CELLS = {"init_biases_zero": 1, "init_weights_random": 2, "backward_gradient_check": 3}


def graded(student, lost=(), messages=None):
    return Grades(student, {cell: (0 if cell in lost else most, most) for cell, most in CELLS.items()},
                  messages or {}, Path("/course"))


RIGHT = Case("right/variant", "right", "Written differently.", frozenset(), "", "")
ZEROS = Case("wrong/zeros", "wrong", "All zeros.", frozenset({"init_weights_random"}),
             "W1 is all zeros: is it drawn at random?", "")


def test_a_right_case_is_as_labelled_only_at_full_marks():
    # fails if as_labelled only asks that a case lose at least its FAILS cells: then a right case losing points
    # is still as labelled
    assert Verdict(RIGHT, graded("a")).as_labelled
    assert not Verdict(RIGHT, graded("a", lost=["init_biases_zero"])).as_labelled


def test_a_mistake_is_as_labelled_only_when_it_loses_exactly_its_cells():
    # fails if as_labelled checks overlap or inclusion instead of equality, so a mistake that is not caught, or
    # that loses an extra cell, still counts as labelled
    assert Verdict(ZEROS, graded("z", lost=["init_weights_random"])).as_labelled
    assert not Verdict(ZEROS, graded("z")).as_labelled  # not caught
    assert not Verdict(ZEROS, graded("z", lost=["init_weights_random", "init_biases_zero"])).as_labelled


def test_a_mistake_counts_as_named_when_a_failed_cell_shows_its_diagnosis():
    # fails if a mistake counts as named whenever one of its cells failed, whatever that cell's message says
    message = "CheckFailed: rows 0 and 1 of W1 are identical\n  Likely mistake: W1 is all zeros: is it drawn at random?"
    assert Verdict(ZEROS, graded("z", ["init_weights_random"], {"init_weights_random": message})).diagnosed
    assert not Verdict(ZEROS, graded("z", ["init_weights_random"], {"init_weights_random": "rows differ"})).diagnosed


def test_the_report_flags_each_mismatch_and_sums_up():
    # fails if the table stops marking a mismatch NO with the cells expected, or a total counts right and wrong
    # cases together (or a right case losing points as caught)
    measurement = Measurement([Verdict(RIGHT, graded("a")), Verdict(ZEROS, graded("z", lost=["init_biases_zero"]))],
                              seconds=12.4, jobs=2)
    rows = table(measurement).splitlines()
    assert rows[1].split()[:6] == ["right/variant", "6", "/", "6", "yes", "-"]
    assert "NO" in rows[2] and "init_biases_zero  (expected: init_weights_random)" in rows[2]
    summary = totals(measurement)
    assert "wrong cases caught (lost points):       1 of 1" in summary
    assert "wrong cases losing exactly their cells: 0 of 1" in summary
    assert "right cases at full marks:              1 of 1" in summary
    assert "mismatches with the labels:             1" in summary
    assert "time: 12 s for 2 submissions, autograded by nbgrader in 2 worker processes" in summary


ONE_OVER_M = Case("wrong/no_one_over_m", "wrong", "No 1/m in dW1.", frozenset({"backward_gradient_check"}),
                  "dW1 is m times too large: is the 1/m missing?", "", ("dW1 is m times correct code's",))


def test_a_case_held_out_is_named_by_its_diagnosis_or_its_symptoms_and_misnamed_by_anything_else():
    # fails if a sentence that only says where the mistake is counts as a misname, or one that names another
    # mistake does not, or a case counts as named by a sentence that is not one of its own
    own = "dW1 is m times correct code's (m, the number of examples): is the average over the examples missing?"
    where = "dW2 and db2 are right and dW1 is not: the mistake is in what only dW1 needs."
    other = "dW1 is the transpose of correct code's (shape (2, 4) where (4, 2) belongs): is a product reversed?"
    assert HeldOut(ONE_OVER_M, (where, own)).named and not HeldOut(ONE_OVER_M, (where, own)).misnamed
    assert not HeldOut(ONE_OVER_M, (where,)).named and not HeldOut(ONE_OVER_M, (where,)).misnamed
    assert HeldOut(ONE_OVER_M, (other,)).misnamed == [other] and not HeldOut(ONE_OVER_M, (other,)).named
    assert HeldOut(ONE_OVER_M, (ONE_OVER_M.diagnosis,)).named  # a twin case's diagnosis: the same words
    totals = held_out_totals([HeldOut(ONE_OVER_M, (own,)), HeldOut(ONE_OVER_M, (other,))])
    assert "named, each case held out:              1 of 2 (50%)" in totals
    assert "misnamed, each case held out:           1" in totals
