"""What a student reads: nbgrader's feedback page, opening with what to fix.

nbgrader's generate_feedback renders the autograded notebook with the kit's steps and
template (nbgrader_config.py). At the top of the page, before the notebook, comes one
entry per test cell that lost points: what the cell checks (its docstring), the points
lost, the kit's message in plain words and the likely mistake when one was named, with a
link down to the cell; then what grading noted (tampering put right, a kernel stopped).
Hidden tests are cleared from the test cells, so the page shows them as students had them:
the checks' verdicts are in the messages.
"""
import re
from dataclasses import dataclass
from pathlib import Path

import nbgrader
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor
from nbgrader.utils import is_grade

from nnkit.verdict import findings
from nnkit.steps.show_points import what_it_checks

# The kit's page extends nbgrader's feedback template ("feedback"), found in the second folder.
TEMPLATE = "with_what_to_fix.html.j2"
TEMPLATE_DIRS = [str(Path(__file__).parent / "templates"),
                 str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates")]

# How each kind of reason (findings.ERROR_NAMES) opens for a student; a failed test's message speaks for itself.
OPENINGS = {"test failed": "", "timed out": "Ran out of time: ", "out of memory": "Ran out of memory: ",
            "kernel died": "Your notebook stopped: ", "tampering detected": "Grading was interfered with: "}
STUB = re.compile(r"^(\w+) raised NotImplementedError: ?$", re.MULTILINE)


@dataclass
class Lost:
    """A test cell that lost points, as the feedback page shows it."""
    grade_id: str
    checks: str  # what the cell checks
    score: float
    points: float
    message: str
    likely: list  # the likely mistakes the diagnosis named, if any


def in_plain_words(text):
    """(message, [likely mistakes]) for a student, from a lost point's recorded reason ("test failed: ...")."""
    reason = findings.Reason.parse(text)
    message = STUB.sub(r"\1 is not written yet: it still raises NotImplementedError.", reason.message)
    return OPENINGS[reason.kind] + message, list(reason.likely)


class WhatToFix(NbGraderPreprocessor):
    """Collect what the page opens with in resources["nnkit"]: each test cell that lost points ("lost"), the
    notes grading made ("notes"), and every graded cell with its score ("cells").

    Runs after nbgrader's GetGrades, so the scores are the gradebook's (a grader's manual score included).
    """

    def preprocess(self, nb, resources):
        recorded, notes = findings.read(nb)
        lost, cells = [], []
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if "score" in meta:  # GetGrades scored it: a graded cell or a task
                passed = meta["score"] is not None and meta["score"] >= meta["points"]
                cells.append(dict(grade_id=meta["grade_id"], label=_label(cell), score=meta["score"] or 0,
                                  points=meta["points"], passed=passed, comment=bool(meta.get("comment"))))
                if not passed:
                    reason = recorded.get(meta["grade_id"], {}).get("reason") or _error_of(cell)
                    message, likely = (in_plain_words(reason) if reason else
                                       ("No message was recorded: a grader may have scored this cell by hand.", []))
                    lost.append(Lost(meta["grade_id"], cells[-1]["label"], meta["score"] or 0, meta["points"],
                                     message, likely))
            elif meta.get("comment"):  # a grader's comment on an answer graded with no points
                cells.append(dict(grade_id=meta["grade_id"], label="A grader's comment on your answer",
                                  score=None, points=None, passed=True, comment=True))
        resources["nnkit"] = {"lost": lost, "notes": notes, "cells": cells}
        return nb, resources


class ClearHiddenTestsOfGradeCells(ClearHiddenTests):
    """nbgrader's ClearHiddenTests, on the test cells only: a student's own cell is shown as written, and
    marker text in it can neither hide part of it nor stop the page from being made."""

    def preprocess_cell(self, cell, resources, index):
        return super().preprocess_cell(cell, resources, index) if is_grade(cell) else (cell, resources)


def _label(cell):
    """What a graded cell is, for the page's list: a test cell says what it checks."""
    meta = cell.metadata.nbgrader
    if meta.get("task"):
        return "Task"
    if cell.cell_type == "markdown":
        return "Written response"
    if meta.get("solution"):
        return "Your code, graded by hand"
    return what_it_checks(cell) or f"Test cell {meta['grade_id']}"


def _error_of(cell):
    """The error a cell's output ended with, for a cell graded without the kit's record."""
    errors = [f"{output.ename}: {output.evalue}" for output in cell.get("outputs", [])
              if output.output_type == "error"]
    return errors[-1] if errors else ""
