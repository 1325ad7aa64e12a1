"""What a student reads: nbgrader's feedback page, opening with what to fix.

nbgrader's generate_feedback renders the autograded notebook with the kit's steps and
template (nbgrader_config.py). At the top of the page, before the notebook, comes one
entry per test cell that lost points: what the cell checks (its docstring), the points
lost, the kit's message in plain words and the likely mistake when one was named, with a
link down to the cell; one per written answer a grader scored below its points, with the
grader's comment; then what grading noted (tampering put right, a kernel stopped), and the
written answers still waiting for a grader. The page records the marks it was made with
(grading.marks), so `nnkit grade --feedback` makes it again once a grader changes them.
Hidden tests are cleared from the test cells, so the page shows them as students had them:
the checks' verdicts are in the messages.
"""
import re
from dataclasses import dataclass
from pathlib import Path

import nbgrader
from nbconvert import HTMLExporter
from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor
from nbgrader.utils import is_grade

from nnkit import grading
from nnkit.verdict import findings
from nnkit.steps.show_points import what_it_asks, what_it_checks

# The kit's page extends nbgrader's feedback template ("feedback"), found in the second folder.
TEMPLATE = "with_what_to_fix.html.j2"
TEMPLATE_DIRS = [str(Path(__file__).parent / "templates"),
                 str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates")]

# How each kind of reason (findings.ERROR_NAMES) opens for a student; a failed test's message speaks for itself.
OPENINGS = {"test failed": "", "timed out": "Ran out of time: ", "out of memory": "Ran out of memory: ",
            "kernel died": "Your notebook stopped: ", "tampering detected": "Grading was interfered with: "}
STUB = re.compile(r"^(\w+) raised NotImplementedError: ?$", re.MULTILINE)
NO_RESPONSE = "No response."  # nbgrader's comment on an answer left as released
MARKS = re.compile(r'<div [^>]*data-marks="(\w+)"')  # where the template records them; nbconvert orders attributes


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


class FeedbackExporter(HTMLExporter):
    """The exporter of the feedback pages (c.GenerateFeedback.exporter_class), configured by its own name with the
    kit's template: configured as HTMLExporter, the template would also be formgrader's, whose pages then fail."""


class ReadAnswers(NbGraderPreprocessor):
    """Read the student's written answers (grading.Answer: scored or waiting, the grader's comment) and the marks the
    page is made with from the gradebook, into resources["answers"] and resources["marks"]."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_submission_notebook(info["notebook"], info["assignment"], info["student"])
            resources["answers"] = grading.answers(notebook)
            resources["marks"] = grading.marks(notebook)
        return nb, resources


class WhatToFix(NbGraderPreprocessor):
    """Collect what the page opens with in resources["nnkit"]: each test cell and written answer that lost points
    ("lost"), the notes grading made ("notes"), every graded cell with its score ("cells"), and the written answers
    waiting for a grader ("waiting").

    Runs after nbgrader's GetGrades and ReadAnswers, so the scores are the gradebook's (a grader's manual score
    included).
    """

    def preprocess(self, nb, resources):
        recorded, notes = findings.read(nb)
        answers = resources["answers"]
        lost, cells, waiting = [], [], []
        for index, cell in enumerate(nb.cells):
            meta = cell.metadata.get("nbgrader", {})
            answer = answers.get(meta.get("grade_id")) if cell.cell_type != "code" else None
            if answer is not None and answer.score is None:
                label = what_it_asks(nb.cells, index) or "Your written answer"
                waiting.append(label)
                cells.append(dict(grade_id=meta["grade_id"], label=label, score=None, points=answer.points,
                                  passed=True, waiting=True, comment=False))
            elif "score" in meta:  # GetGrades scored it: a graded cell or a task
                passed = meta["score"] is not None and meta["score"] >= meta["points"]
                label = what_it_asks(nb.cells, index) if answer is not None else _label(cell)
                cells.append(dict(grade_id=meta["grade_id"], label=label, score=meta["score"] or 0,
                                  points=meta["points"], passed=passed, waiting=False,
                                  comment=bool(meta.get("comment"))))
                if not passed:
                    message, likely = (_said(answer), []) if answer is not None else self._reason(recorded, cell)
                    lost.append(Lost(meta["grade_id"], label, meta["score"] or 0, meta["points"], message, likely))
            elif meta.get("comment"):  # a grader's comment on an answer graded with no points
                cells.append(dict(grade_id=meta["grade_id"], label="A grader's comment on your answer",
                                  score=None, points=None, passed=True, waiting=False, comment=True))
        resources["nnkit"] = {"lost": lost, "notes": notes, "cells": cells, "waiting": waiting,
                              "marks": resources["marks"]}
        return nb, resources

    @staticmethod
    def _reason(recorded, cell):
        reason = recorded.get(cell.metadata.nbgrader["grade_id"], {}).get("reason") or _error_of(cell)
        return (in_plain_words(reason) if reason else
                ("No message was recorded: a grader may have scored this cell by hand.", []))


def made_with(page):
    """The marks (grading.marks) a feedback page's text records it was made with; None if it records none."""
    found = MARKS.search(page)
    return found[1] if found else None


def _said(answer):
    """What a student reads about a written answer that lost points: the grader's own words where there are some."""
    if answer.by_a_grader:
        return f"Your grader wrote: {answer.comment}"
    if answer.comment == NO_RESPONSE:
        return "No answer was written here: the cell still holds the YOUR ANSWER HERE it came with."
    return "A grader scored this answer by hand and left no comment."


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
