"""Grading accuracy, measured: the catalog autograded by nbgrader, each case held against its label.

A right case must earn full marks. A wrong case must lose points on exactly the grade cells
its FAILS names: not fewer (the mistake is caught where the lesson teaches it), not more
(partial credit follows the concepts). Its DIAGNOSIS should reach the student in a failed
cell's message, where nbgrader's feedback shows it.

Held out: each wrong case graded again (in-process, nnkit.verdict.forked) with its own entry out
of the diagnosis table, as a mistake the catalog has never seen. It is named when a likely
mistake said begins as its DIAGNOSIS or one of its SYMPTOMS does; misnamed when one says
anything else, beyond where the mistake is (nnkit.diagnosis.symptoms.only_locates).
"""
import time
from dataclasses import dataclass

from nnkit import content, diagnosis, release
from nnkit.diagnosis import catalog, symptoms
from nnkit.grading import Grades
from nnkit.scaleout import batch, cluster
from nnkit.submissions import fill, read_notebook, solution_program
from nnkit.verdict import forked
from nnkit.verdict.findings import likely_in


@dataclass(frozen=True)
class Verdict:
    case: catalog.Case
    grades: Grades

    @property
    def lost(self):
        return frozenset(self.grades.failed)

    @property
    def as_labelled(self):
        return self.lost == self.case.fails  # empty for a right case: full marks

    @property
    def diagnosed(self):
        return self.case.label == "wrong" and any(self.case.diagnosis in message
                                                  for message in self.grades.messages.values())


@dataclass(frozen=True)
class Measurement:
    verdicts: list
    seconds: float
    jobs: int

    def of(self, label):
        return [verdict for verdict in self.verdicts if verdict.case.label == label]

    @property
    def mismatches(self):
        return [verdict for verdict in self.verdicts if not verdict.as_labelled]


@dataclass(frozen=True)
class HeldOut:
    """What the kit names of a wrong case graded with its own entry out of the diagnosis table."""
    case: catalog.Case
    said: tuple  # each likely mistake its failed cells name, once

    def _names_it(self, sentence):
        return sentence.startswith((self.case.diagnosis, *self.case.symptoms))

    @property
    def named(self):
        return any(self._names_it(sentence) for sentence in self.said)

    @property
    def misnamed(self):
        return [sentence for sentence in self.said
                if not self._names_it(sentence) and not symptoms.only_locates(sentence)]


def held_out(course, cases, jobs=None):
    """Each wrong case among `cases`, graded in-process from the source notebook with its own entry withheld."""
    wrong = [case for case in cases if case.label == "wrong"]
    source = read_notebook(course.source_notebook)
    found = forked.verdicts(source, [fill(source, case.program, case.name) for case in wrong], course.source,
                            content.files(course.root, course.assignment), jobs=jobs,
                            within=lambda index: diagnosis.withholding([wrong[index].name]))
    return [HeldOut(case, likely_in(reasons.values())) for case, reasons in zip(wrong, found)]


def held_out_table(cases):
    """One row per wrong case held out: named, not, or misnamed (with what was said instead)."""
    width = max(len(held.case.name) for held in cases)
    lines = [f"{'case held out':{width}}  named by symptom"]
    for held in cases:
        verdict = "MISNAMED: " + held.misnamed[0] if held.misnamed else "named" if held.named else "-"
        lines.append(f"{held.case.name:{width}}  {verdict}")
    return "\n".join(lines)


def held_out_totals(cases):
    named = sum(held.named for held in cases)
    return "\n".join([
        f"named, each case held out:              {named} of {len(cases)} ({100 * named / len(cases):.0f}%)",
        f"misnamed, each case held out:           {sum(bool(held.misnamed) for held in cases)}",
    ])


def solved_release(course, scratch):
    """The scratch course's release with the instructor's solution in every solution cell."""
    return fill(read_notebook(scratch.release_notebook), solution_program(read_notebook(course.source_notebook)),
                "the solution")


def measure(course, into, cases, jobs=None):
    """Generate the release in a scratch course at `into`, autograde every case there, judge each."""
    started, jobs = time.monotonic(), jobs or cluster.default_jobs()
    scratch = release.generate(course, into)
    solved = solved_release(course, scratch)
    results = batch.grade_submissions(scratch, {case.student: fill(solved, case.program, case.name)
                                                for case in cases}, jobs)
    return Measurement([Verdict(case, grades) for case, grades in zip(cases, results)],
                       time.monotonic() - started, jobs)


def table(measurement):
    """One row per case: its score, the cells it lost points on, whether that matches its label."""
    width = max(len(verdict.case.name) for verdict in measurement.verdicts)
    lines = [f"{'case':{width}}  {'score':>9}  {'as labelled':11}  {'diagnosed':9}  lost points on"]
    for verdict in measurement.verdicts:
        grades, case = verdict.grades, verdict.case
        labelled = "yes" if verdict.as_labelled else "NO"
        diagnosed = ("named" if verdict.diagnosed else "-") if case.label == "wrong" else ""
        lost = ", ".join(grades.failed) or "-"
        if not verdict.as_labelled:
            lost += f"  (expected: {', '.join(sorted(case.fails)) or 'full marks'})"
        lines.append(f"{case.name:{width}}  {grades.score:3g} / {grades.max_score:<3g}  {labelled:11}  "
                     f"{diagnosed:9}  {lost}")
    return "\n".join(lines)


def totals(measurement):
    """The summary: wrong cases caught, right cases at full marks, diagnoses, time."""
    wrong, right = measurement.of("wrong"), measurement.of("right")
    caught = sum(1 for verdict in wrong if verdict.lost)
    return "\n".join([
        f"wrong cases caught (lost points):       {caught} of {len(wrong)}",
        f"wrong cases losing exactly their cells: {sum(v.as_labelled for v in wrong)} of {len(wrong)}",
        f"right cases at full marks:              {sum(v.as_labelled for v in right)} of {len(right)}",
        f"mistakes the feedback names:            {sum(v.diagnosed for v in wrong)} of {len(wrong)}",
        f"mismatches with the labels:             {len(measurement.mismatches)}",
        f"time: {measurement.seconds:.0f} s for {len(measurement.verdicts)} submissions, "
        f"autograded by nbgrader in {measurement.jobs} worker process{'es' if measurement.jobs > 1 else ''}",
    ])
