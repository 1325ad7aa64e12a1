"""The class report (`nnkit grade` writes it): one self-contained HTML page, and its figures as PNG files.

What an instructor reads after grading, at a glance:
- the scores: a histogram and the summary numbers;
- every grade cell's pass rate, worst first, labelled with what it checks and the likely
  mistake the diagnosis named most often there: the concept the class missed stands out;
- the submissions a person should look at (not graded, timed out, out of memory, kernel
  stopped, tampering, the grader and the notebook's own run disagreeing), each with its
  reasons and links to the autograded notebook and the feedback page;
- the written answers waiting for a grader: how many, whose, and links to them in formgrader
  (at ClassReport.formgrader_url); once graded, their scores count in every number above;
- how long grading took.
The page embeds its figures and styles and loads nothing, so it opens offline anywhere;
the PNG files beside it are the same figures. Text a submission wrote is escaped.
"""
import base64
import collections
import datetime
import io
import statistics
from pathlib import Path
from urllib.parse import quote

import jinja2
import numpy as np
from matplotlib.figure import Figure
from nbgrader.utils import is_grade
from traitlets import Unicode
from traitlets.config import Configurable

from nnkit.steps import tampering
from nnkit.steps.show_points import what_it_asks, what_it_checks
from nnkit.submissions import read_notebook
from nnkit.verdict import findings

TEMPLATES = Path(__file__).parent / "templates"
# Kinds of lost point that say nothing about the student's understanding and need a person (nnkit.verdict.findings).
NEEDS_A_PERSON = ("timed out", "out of memory", "kernel died", "tampering detected")


class ClassReport(Configurable):
    """The class report's settings (nbgrader_config.py: c.ClassReport...)."""

    formgrader_url = Unicode("http://localhost:8888/formgrader", help=(
        "The course's formgrader, for the report's links to written answers waiting for a grader: "
        "`jupyter server` started in the course directory serves it at http://localhost:8888/formgrader; "
        "on a JupyterHub it is like https://hub.example.edu/user/<name>/formgrader.")).tag(config=True)


def folder(course):
    """Where the report goes: beside the autograded notebooks, in a folder nbgrader never takes for a student's."""
    return course.root / "autograded" / f"{course.assignment}-report"


def write(course, result):
    """Write the report of a batch.Run for the course; the page's path."""
    graded = result.graded
    out = folder(course)
    out.mkdir(parents=True, exist_ok=True)
    cells = pass_rates(course, graded)
    scores = [outcome.grades.score for outcome in graded]
    most = max((outcome.grades.max_score for outcome in graded), default=0)
    figures = {"scores": score_histogram(scores, most), "cells": pass_rate_chart(cells)}
    for name, png in figures.items():
        (out / f"{name}.png").write_bytes(png)
    page = _environment().get_template("report.html.j2").render(
        assignment=course.assignment, made=datetime.datetime.now().astimezone(), numbers=numbers(result),
        cells=cells, review=needs_a_look(course, result.outcomes), written=to_grade_by_hand(course, graded),
        timing=timing(result),
        figures={name: "data:image/png;base64," + base64.b64encode(png).decode() for name, png in figures.items()})
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def numbers(result):
    """The summary numbers: how many submissions, graded and not, and the scores' statistics."""
    graded = [outcome.grades for outcome in result.graded]
    scores = [grades.score for grades in graded]
    found = {"submissions": len(result.outcomes), "graded": len(graded),
             "not graded": len(result.outcomes) - len(graded)}
    if scores:
        found.update({"out of": max(grades.max_score for grades in graded),
                      "mean": statistics.fmean(scores), "median": statistics.median(scores),
                      "standard deviation": statistics.pstdev(scores), "lowest": min(scores),
                      "highest": max(scores),
                      "full marks": sum(grades.score == grades.max_score for grades in graded)})
    return found


def pass_rates(course, graded):
    """One row per grade cell, worst pass rate first (notebook order among equals): what it checks (a written
    answer: what it asks), its points, how many passed (an answer: got its points from a grader) of how many were
    graded, how many wait for a grader, and the likely mistake named most often where it failed."""
    source = read_notebook(course.source_notebook).cells
    rows = []
    for order, (index, cell) in enumerate((index, cell) for index, cell in enumerate(source) if is_grade(cell)):
        grade_id, points = cell.metadata.nbgrader["grade_id"], cell.metadata.nbgrader["points"]
        if cell.cell_type == "code":
            scored = [outcome.grades.cells[grade_id] for outcome in graded if grade_id in outcome.grades.cells]
            waiting, checks = 0, what_it_checks(cell)
        else:
            answers = [outcome.grades.answers[grade_id] for outcome in graded if grade_id in outcome.grades.answers]
            scored = [(answer.score, answer.points) for answer in answers if answer.score is not None]
            waiting, checks = len(answers) - len(scored), what_it_asks(source, index)
        passed = sum(score >= most for score, most in scored)
        mistakes = collections.Counter(mistake for outcome in graded  # each student's counted once
                                       for mistake in set(outcome.reasons[grade_id].likely if grade_id in outcome.reasons else ()))
        rows.append({"grade_id": grade_id, "checks": checks, "points": points, "passed": passed,
                     "graded": len(scored), "waiting": waiting, "rate": passed / len(scored) if scored else None,
                     "order": order, "mistake": mistakes.most_common(1)[0] if mistakes else None})
    return sorted(rows, key=lambda row: (row["rate"] is None, row["rate"] or 0, row["order"]))  # ungraded last


def to_grade_by_hand(course, graded):
    """The written answers waiting for a grader: how many, and for each student which, with a link to the student's
    submission in formgrader (and one to the assignment's submissions there)."""
    base = ClassReport(config=course.api.config).formgrader_url.rstrip("/")
    assignment = quote(course.assignment, safe="")
    students = [{"student": outcome.student, "answers": list(outcome.grades.waiting),
                 "points": sum(outcome.grades.waiting.values()),
                 "link": f"{base}/manage_students/{quote(outcome.student, safe='')}/{assignment}"}
                for outcome in graded if outcome.grades.waiting]
    return {"answers": sum(len(row["answers"]) for row in students), "students": students,
            "link": f"{base}/gradebook/{assignment}/{assignment}"}


def needs_a_look(course, outcomes):
    """The submissions a person should look at, each with its score, what happened and links to look with."""
    rows = []
    for outcome in outcomes:
        reasons = []
        if outcome.grades is None:
            reasons.append(("not graded", outcome.problem))
        else:
            stopped = {}  # (kind, text) -> the cells that lost their points with it: one line for them all
            for grade_id in outcome.grades.failed:
                reason = outcome.reasons.get(grade_id)
                if reason is not None and reason.kind in NEEDS_A_PERSON:
                    stopped.setdefault((reason.kind, reason.detail), []).append(grade_id)
            reasons += [(kind, f"{text} ({_cells(grade_ids)})") for (kind, text), grade_ids in stopped.items()]
            reasons += [_flag(flag) for flag in outcome.flags  # a stop is flagged too: said once
                        if not any(flag == f"{kind}: {text}" for kind, text in stopped)]
            if outcome.stricter:
                reasons.append(("flagged", findings.stricter(outcome.stricter)))
        if reasons:
            rows.append({"student": outcome.student, "score": outcome.score, "reasons": reasons,
                         "links": _links(course, outcome)})
    return rows


def timing(result):
    """How long the run took, and the notebooks' execution times (recorded when they were graded)."""
    now = result.graded_now
    executed = sorted(((outcome.seconds, outcome.student) for outcome in result.outcomes
                       if outcome.seconds is not None), reverse=True)
    return {"seconds": result.seconds, "graded now": len(now), "where": result.where,
            "up to date": len(result.up_to_date),
            "per submission": result.seconds / len(now) if now else None,
            "mean execution": statistics.fmean(seconds for seconds, _ in executed) if executed else None,
            "slowest": executed[:3], "interrupted": result.interrupted}


def score_histogram(scores, most):
    """PNG: how many students got each score."""
    figure = Figure(figsize=(7, 3.2), dpi=100, layout="constrained")
    axes = figure.subplots()
    if scores:
        axes.hist(scores, bins=np.arange(-0.5, most + 1.5, 1), color="#3b75af", edgecolor="white")
        axes.axvline(statistics.fmean(scores), color="#d2413a", linestyle="--",
                     label=f"mean {statistics.fmean(scores):.1f}")
        axes.legend(loc="upper left", frameon=False)
        axes.yaxis.get_major_locator().set_params(integer=True)
    else:
        axes.text(0.5, 0.5, "no graded submission", ha="center", va="center", transform=axes.transAxes)
    axes.set_xlim(-0.5, most + 0.5)
    axes.set_xlabel(f"score (out of {most:g})")
    axes.set_ylabel("students")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def pass_rate_chart(rows):
    """PNG: each grade cell's pass rate, worst at the top."""
    figure = Figure(figsize=(7, 0.32 * len(rows) + 1.0), dpi=100, layout="constrained")
    axes = figure.subplots()
    rates = [100 * (row["rate"] or 0) for row in rows]
    positions = np.arange(len(rows))
    axes.barh(positions, rates, color=["#d2413a" if rate < 50 else "#e8a33d" if rate < 80 else "#4a9a5b"
                                       for rate in rates])
    axes.set_yticks(positions, [row["grade_id"] for row in rows], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("students who passed (%)")
    for position, rate in zip(positions, rates):
        axes.text(min(rate, 88) + 1, position, f"{rate:.0f}%", va="center", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _flag(flag):
    """(kind, text) of a flag: tampering put right is named as such, anything else is "flagged"."""
    kind, _, text = flag.partition(": ")
    return (kind, text) if kind == tampering.PUT_RIGHT else ("flagged", flag)


def _cells(grade_ids):
    return grade_ids[0] if len(grade_ids) == 1 else f"{grade_ids[0]} and {len(grade_ids) - 1} more cells"


def _links(course, outcome):
    """(label, path relative to the report's folder) of what there is to look at for the student."""
    candidates = [("autograded notebook", course.autograded(outcome.student) / f"{course.assignment}.ipynb"),
                  ("feedback page", course.feedback(outcome.student) / f"{course.assignment}.html"),
                  ("submission", course.submitted(outcome.student))]
    if outcome.grades is None:  # what an earlier grading left is not this submission's
        candidates = candidates[-1:]
    return [(label, "/".join(quote(part) for part in Path("..", "..", path.relative_to(course.root)).parts))
            for label, path in candidates if path.exists()]


def _environment():
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
