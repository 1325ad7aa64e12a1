"""Variants of one notebook, each forked from the base graded as far as its first change (nnkit.verdict.forked).

Fast: small notebooks of trusted code here; the catalog and the mutants are graded this way in the other tests.
"""
import copy

from nnkit.verdict import forked, inprocess
from test_testcells import notebook

BASE = notebook(("student", "seen = []\nimport numpy as np\nnp.random.seed(0)\ndraw = float(np.random.rand())"),
                ("student", "def double(x):\n    seen.append(x)\n    return 2 * x"),
                ("test", "assert double(2) == 4"),
                ("test", "assert seen == [2, 2] and 0 <= draw < 1"))


def variant(student_code):
    nb = copy.deepcopy(BASE)
    nb.cells[1].source = student_code
    return nb


def test_each_variant_gets_the_verdicts_of_grading_it_from_the_top(tmp_path):
    # fails if a child starts from the wrong cell (a variant's change skipped, or the base's cells run twice: `seen`
    # would hold the calls twice), or if answers come back in another variant's place
    variants = [variant("def double(x):\n    seen.append(x)\n    return x + x"),
                variant("def double(x):\n    return 3 * x"),
                BASE,
                variant("def double(x):\n    seen.extend([x, x])\n    return 2 * x")]
    graded = forked.verdicts(BASE, variants, tmp_path, jobs=2)
    assert graded == [inprocess.verdicts(nb, tmp_path) for nb in variants]
    assert [sum(reason is not None for reason in found.values()) for found in graded] == [0, 2, 0, 1]


def test_nothing_a_variant_does_reaches_the_next(tmp_path):
    # fails if variants run one after another in the worker's own process instead of a child each: the first one's
    # append would make every later one fail
    spoils = variant("seen.append('spoiled')\ndef double(x):\n    seen.append(x)\n    return 2 * x")
    graded = forked.verdicts(BASE, [spoils, BASE, BASE, BASE], tmp_path, jobs=1)
    assert graded[0]["test_3"] is not None and [found["test_3"] for found in graded[1:]] == [None] * 3


def test_the_first_change_is_where_a_variant_departs_from_the_base():
    # fails if a change to a cell's metadata (a grade cell's points, its role) goes unnoticed, so the variant runs
    # with the base's
    assert forked.first_change(BASE, BASE) == len(BASE.cells)
    assert forked.first_change(BASE, variant("pass")) == 1
    regraded = copy.deepcopy(BASE)
    regraded.cells[3].metadata.nbgrader.points = 2
    assert forked.first_change(BASE, regraded) == 3
