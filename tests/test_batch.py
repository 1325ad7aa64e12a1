"""The grade report of `nnkit grade`, without a kernel: a reason per lost point, flags, nothing a terminal obeys.

End to end, with hostile submissions, in test_hostile.py.
"""
from grader.batch import Outcome, table
from grader.grading import Grades


def test_the_report_gives_each_lost_point_its_reason_and_keeps_escape_codes_out():
    cells = {"init_shapes": (0, 1), "update_step": (0, 2), "predict_labels": (1, 1)}
    graded = Outcome("mallory", Grades("mallory", cells),
                     reasons={"init_shapes": "test failed: initialize_parameters raised \x1b[2JValueError\nmore",
                              "update_step": "timed out: cell 30 ran longer than 60 s"},
                     flags=["tampering put right: cell init_shapes was edited; graded as released"],
                     stricter=["init_shapes"])
    lines = table([graded, Outcome("eve", problem="unreadable: eve.ipynb: not a readable notebook")]).splitlines()
    assert lines[1].split() == ["mallory", "1", "/", "4"]
    assert lines[2].endswith("- init_shapes: test failed: initialize_parameters raised ?[2JValueError")
    assert lines[3].endswith("- update_step: timed out: cell 30 ran longer than 60 s")
    assert lines[4].endswith("! tampering put right: cell init_shapes was edited; graded as released")
    assert lines[5].endswith("~ the notebook's own run passed, the grader failed: init_shapes")
    assert lines[6].split()[:3] == ["eve", "not", "graded"] and "\x1b" not in "\n".join(lines)
