"""Grade a class: every submission through nbgrader's autograde, sandboxed, and a reason for each lost point.

`nnkit grade` backs up the gradebook, then autogrades each student in turn with
nbgrader's API (the course's nbgrader_config.py puts the kit's sandboxed, trusted steps
in its pipeline). One bad submission never stops the batch: an unreadable notebook is
reported by name and skipped, as is a missing one; a renamed one is graded under its
expected name (the student's file is kept). It then reads
back each student's grades and what grading found (grader.findings) and prints one
line per lost point with its reason, and the flags a person should look at.
"""
import datetime
import re
import shutil
import time
import unicodedata
from dataclasses import dataclass, field

import nbformat

from . import findings, sandbox
from .grading import grades
from .submissions import SubmissionError, read_notebook
from .tampering import through_a_link


@dataclass
class Outcome:
    """One student's result: graded (with grades) or not (with the problem), and what grading found."""
    student: str
    grades: object = None  # grading.Grades, when graded
    problem: str = None  # why it was not graded
    reasons: dict = field(default_factory=dict)  # grade_id -> one-line reason it lost its points
    flags: list = field(default_factory=list)
    stricter: list = field(default_factory=list)  # grade_ids the kernel's own run passed and the grader failed


def students(course, named=()):
    """The students to grade: those named, else everyone with a folder for the assignment in submitted/."""
    if named:
        return list(named)
    root = course.root / "submitted"
    return sorted(path.name for path in root.iterdir() if (path / course.assignment).is_dir()) if root.is_dir() else []


def back_up_gradebook(course):
    """A timestamped copy of the gradebook in backups/, made before grading writes to it; its path (None if none)."""
    if not course.gradebook.is_file():
        return None
    folder = course.root / "backups"
    folder.mkdir(exist_ok=True)
    copy = folder / f"gradebook-{datetime.datetime.now():%Y%m%d-%H%M%S-%f}.db"
    shutil.copy2(course.gradebook, copy)
    return copy


def grade(course, student):
    """Autograde one student with nbgrader; an Outcome, never an exception for a bad submission."""
    outcome = Outcome(student)
    folder = course.submitted(student)
    expected = folder / f"{course.assignment}.ipynb"
    if not folder.is_dir():
        outcome.problem = f"{folder}: no such folder; check the student's name."
        return outcome
    if through_a_link(expected, course.root):
        outcome.problem = f"{expected}: reached through a symbolic link; only regular files are graded."
        return outcome
    if not expected.exists():
        others = sorted(path for path in folder.glob("*.ipynb") if path.is_file() and not path.is_symlink())
        if len(others) == 1:  # renamed on download or upload: grade it, keep the student's file as it is
            shutil.copy2(others[0], expected)
            outcome.flags.append(f"notebook renamed: graded {others[0].name} as {expected.name} (a copy)")
        else:
            found = ", ".join(path.name for path in others) or "no notebook"
            outcome.problem = f"{expected}: missing (the folder holds {found}); ask the student to submit it."
            return outcome
    try:
        read_notebook(expected)
    except SubmissionError as error:
        outcome.problem = f"unreadable: {error}"
        return outcome
    result = course.api.autograde(course.assignment, student)
    if not result["success"]:
        errors = [line.strip() for line in (result.get("error") or result.get("log") or "").splitlines()
                  if re.match(r"\s*[\w.]*(Error|Exception): ", line) and "NbGraderException" not in line]
        outcome.problem = f"nbgrader autograde failed: {errors[-1] if errors else 'see its log'}"
        return outcome
    outcome.grades = grades(course, student)
    autograded = course.autograded(student) / expected.name
    if autograded.is_file():
        cells, flags = findings.read(nbformat.read(str(autograded), as_version=4))
        outcome.reasons = {grade_id: cell["reason"] for grade_id, cell in cells.items() if cell.get("reason")}
        outcome.flags += flags
        outcome.stricter = [grade_id for grade_id, cell in cells.items()
                            if cell.get("kernel_passed") and not cell.get("passed")]
    return outcome


def table(outcomes):
    """One line per student, then indented: a line per lost point with its reason ("-"), per flag for a person to
    look at ("!"), and the cells where the kernel's own run of the visible tests disagreed with the grader ("~")."""
    width = max([len("student")] + [len(outcome.student) for outcome in outcomes])
    lines = [f"{'student':{width}}  {'score':>11}"]
    for outcome in outcomes:
        if outcome.grades is None:
            lines.append(f"{outcome.student:{width}}  {'not graded':>11}  {_one_line(outcome.problem, 400)}")
            continue
        result = outcome.grades
        lines.append(f"{outcome.student:{width}}  {result.score:5g} / {result.max_score:<3g}")
        for grade_id in result.failed:
            lines.append(f"{'':{width}}    - {grade_id}: {_one_line(outcome.reasons.get(grade_id, 'no output'))}")
        lines += [f"{'':{width}}    ! {_one_line(flag)}" for flag in outcome.flags]
        if outcome.stricter:  # usually a mistake the visible tests miss; tampering with the kernel looks the same
            lines.append(f"{'':{width}}    ~ the notebook's own run passed, the grader failed: "
                         f"{', '.join(outcome.stricter)}")
    return "\n".join(lines)


def summary(outcomes, seconds):
    graded = [outcome for outcome in outcomes if outcome.grades is not None]
    full = sum(outcome.grades.score == outcome.grades.max_score for outcome in graded)
    flagged = sum(bool(outcome.flags) for outcome in graded)
    return (f"{len(graded)} graded ({full} with full marks, {flagged} flagged for review), "
            f"{len(outcomes) - len(graded)} not graded, in {seconds:.0f} s.")


def run(course, named=(), report=print):
    """Grade the students (all by default), reporting as it goes; the outcomes."""
    report(sandbox.describe(sandbox.SandboxLimits(config=course.api.config)))
    backup = back_up_gradebook(course)
    if backup:
        report(f"Gradebook backed up to {backup.relative_to(course.root)}.")
    started, outcomes = time.monotonic(), []
    chosen = students(course, named)
    for number, student in enumerate(chosen, 1):
        outcome = grade(course, student)
        outcomes.append(outcome)
        score = (f"{outcome.grades.score:g} / {outcome.grades.max_score:g}" if outcome.grades is not None
                 else "not graded")
        report(f"[{number}/{len(chosen)}] {student}: {score}")
    report("")
    report(table(outcomes))
    report("")
    report(summary(outcomes, time.monotonic() - started))
    return outcomes


def _one_line(text, width=150):
    """The first line of text a submission may have written, safe for a terminal: control characters (escape
    codes that could redraw the report) shown as '?'."""
    line = str(text).strip().splitlines()[0] if str(text).strip() else ""
    line = "".join("?" if unicodedata.category(ch).startswith("C") else ch for ch in line)
    return line if len(line) <= width else line[:width - 1] + "…"
