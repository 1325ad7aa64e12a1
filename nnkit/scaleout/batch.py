"""Grade a class (`nnkit grade`): nbgrader's autograde for every submission, the notebooks executed in parallel.

1. Plan: each student's submission is looked at first. A missing, unreadable or linked
   notebook is reported by name and not graded; a renamed one is graded from a copy. A
   submission already graded from its current files (nnkit.scaleout.freshness) is up to date and
   not graded again, unless forced.
2. Grade: the gradebook is backed up, then nbgrader's Autograde runs here for each
   submission while workers, local or a Dask cluster, execute the notebooks
   (nnkit.scaleout.handoff, nnkit.scaleout.cluster). A progress bar counts them.
3. Report: a line per student and per lost point with its reason, the flags a person
   should look at, and a summary; grades exported to CSV and feedback generated when asked;
   the class report's page and figures written (nnkit.pages.report).
A run stopped at any moment loses nothing: run it again and it grades what is left.
"""
import concurrent.futures
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field

import nbformat
from nbgrader.api import Gradebook
from nbgrader.plugins import CsvExportPlugin
from nbgrader.utils import parse_utc
from tqdm import tqdm

from nnkit import gradebook
from nnkit.scaleout import cluster, freshness, lock
from nnkit.verdict import findings
from nnkit.course import CourseError
from nnkit.grading import grades, marks, submit
from nnkit.scaleout.handoff import INTERRUPTED, Dispatcher
from nnkit.pages.feedback import made_with
from nnkit.pages.report import write as write_report
from nnkit.submissions import SubmissionError, read_notebook
from nnkit.steps.tampering import through_a_link


@dataclass
class Outcome:
    """One student's result: graded (with grades) or not (with the problem), and what grading found."""
    student: str
    grades: object = None  # grading.Grades, when graded
    problem: str = None  # why it was not graded
    reasons: dict = field(default_factory=dict)  # grade_id -> the Reason it lost its points
    flags: list = field(default_factory=list)
    stricter: list = field(default_factory=list)  # grade_ids the kernel's own run passed and the grader failed
    now: bool = False  # graded in this run (else up to date, or not graded)
    seconds: float = None  # how long its notebook took to execute, when graded by the kit

    @property
    def score(self):
        """The score as shown: like "21 / 25", or "not graded"."""
        return f"{self.grades.score:g} / {self.grades.max_score:g}" if self.grades is not None else "not graded"


@dataclass
class Run:
    """What a run did: an outcome per student, and how long it took where."""
    outcomes: list
    seconds: float = 0.0
    where: str = ""  # the workers, e.g. "2 local worker processes"
    executing: list = field(default_factory=list)  # seconds a worker took for each notebook executed
    interrupted: bool = False

    @property
    def graded(self):
        """The outcomes with grades: graded now or up to date."""
        return [outcome for outcome in self.outcomes if outcome.grades is not None]

    @property
    def graded_now(self):
        return [outcome for outcome in self.outcomes if outcome.now]

    @property
    def up_to_date(self):
        return [outcome for outcome in self.graded if not outcome.now]


def students(course, named=()):
    """The students to grade: those named, else everyone with a folder for the assignment in submitted/."""
    if named:
        return list(named)
    root = course.root / "submitted"
    return sorted(path.name for path in root.iterdir() if (path / course.assignment).is_dir()) if root.is_dir() else []


def back_up(course, path):
    """A timestamped copy of `path` in backups/, made before it is replaced; the copy's path (None if none)."""
    if not path.is_file():
        return None
    folder = course.root / "backups"
    folder.mkdir(exist_ok=True)
    copy = gradebook.backup_path(folder, path.stem, path.suffix)
    shutil.copy2(path, copy)
    return copy


def look_at(course, student):
    """The student's Outcome before grading: its problem if the notebook cannot be graded, else flags (or none)."""
    outcome = Outcome(student)
    folder = course.submitted(student)
    expected = folder / f"{course.assignment}.ipynb"
    if not folder.is_dir():
        outcome.problem = f"{folder}: no such folder; check the student's name."
    elif through_a_link(expected, course.root):
        outcome.problem = f"{expected}: reached through a symbolic link; only regular files are graded."
    elif not expected.exists():
        others = sorted(path for path in folder.glob("*.ipynb") if path.is_file() and not path.is_symlink())
        if len(others) == 1:  # renamed on download or upload: grade it, keep the student's file as it is
            shutil.copy2(others[0], expected)
            outcome.flags.append(f"notebook renamed: graded {others[0].name} as {expected.name} (a copy)")
        else:
            found = ", ".join(path.name for path in others) or "no notebook"
            outcome.problem = f"{expected}: missing (the folder holds {found}); ask the student to submit it."
    if outcome.problem is None:
        try:
            read_notebook(expected)
        except SubmissionError as error:
            outcome.problem = f"unreadable: {error}"
    timestamp = folder / "timestamp.txt"
    if outcome.problem is None and timestamp.is_file():
        try:
            text = timestamp.read_text(errors="replace").strip()
            if text:
                parse_utc(text)
        except (OSError, ValueError, OverflowError):  # nbgrader 0.9 crashes on it (CourseDirectory.fail is missing)
            outcome.problem = (f"{timestamp}: not a submission time nbgrader can read; correct it (like "
                               "2026-11-29 10:00:00 UTC) or remove it.")
    return outcome


def read_back(course, outcome, autograded=None):
    """Fill a graded outcome from the gradebook and the autograded notebook's findings (read unless given)."""
    autograded = autograded or nbformat.read(str(course.autograded(outcome.student) / f"{course.assignment}.ipynb"),
                                             as_version=4)
    outcome.grades = grades(course, outcome.student, autograded)
    cells, flags = findings.read(autograded)
    outcome.reasons = {grade_id: findings.Reason.parse(cell["reason"]) for grade_id, cell in cells.items()
                       if isinstance(cell.get("reason"), str)}
    outcome.flags += [flag for flag in flags if flag not in outcome.flags]
    outcome.stricter = [grade_id for grade_id, cell in cells.items()
                        if cell.get("kernel_passed") and not cell.get("passed")]
    outcome.seconds = findings.seconds_of(autograded)
    return outcome


def run(course, named=(), jobs=None, scheduler=None, force=False, export=None, feedback=False, report=print,
        progress=sys.stderr):
    """Grade the students (all by default) and report; the Run. `progress`: where the bar goes (None: no bar).
    One run per course at a time (nnkit.scaleout.lock); a gradebook that cannot be opened stops it before anything
    is graded (nnkit.gradebook)."""
    with lock.holding(course) as not_locked:
        if not_locked:
            report(not_locked)
        gradebook.check(course.db_url)
        gradebook.check_assignment(course.db_url, course.api.coursedir.course_id, course.assignment)
        return _run(course, named, jobs, scheduler, force, export, feedback, report, progress)


def _run(course, named, jobs, scheduler, force, export, feedback, report, progress):
    started = time.monotonic()
    outcomes = {student: look_at(course, student) for student in students(course, named)}
    stamps = freshness.stamps(course, [student for student, outcome in outcomes.items() if outcome.problem is None])
    done = {} if force else freshness.done(course, stamps)
    pending = [student for student in stamps if student not in done]
    for student, autograded in done.items():
        read_back(course, outcomes[student], autograded)
    result = Run(list(outcomes.values()))
    report(f"{len(outcomes)} submissions: {len(pending)} to grade, {len(done)} up to date"
           f"{' (--force grades them again)' if done else ''}, {len(outcomes) - len(stamps)} not gradable.")
    if pending:
        dispatcher = Dispatcher(course, {student: stamps[student] for student in pending})
        _, backed_up = gradebook.back_up(course.db_url, course.root / "backups")
        if backed_up:
            report(backed_up)
        with cluster.connect(jobs, scheduler) as workers:
            dispatcher.cluster, result.where = workers, workers.where
            for line, where in workers.sandboxes(course.api.config).items():
                report(f"{line} ({len(where)} of {workers.where})" if scheduler else line)
            result.interrupted = _grade(dispatcher, outcomes, pending, 2 * workers.slots, progress)
            result.executing = list(dispatcher.seconds.values())
        for student in pending:  # those an interruption left waiting
            if outcomes[student].grades is None and outcomes[student].problem is None:
                outcomes[student].problem = INTERRUPTED
    result.seconds = time.monotonic() - started
    report("")
    report(table(result.outcomes))
    report("")
    report(summary(result))
    if not result.interrupted:
        if export:
            report(export_grades(course, export))
        if feedback:
            report(generate_feedback(course, result.graded))
    if set(outcomes) >= set(students(course)):
        report(f"Class report: {write_report(course, result)}")
    else:  # a report of a few students would replace the class's
        report("The class report is left as it was: it is rewritten by a run over the whole class (`nnkit grade` "
               "grades only what changed).")
    return result


def _grade(dispatcher, outcomes, pending, in_flight, progress):
    """Grade the pending students, `in_flight` at a time, into `outcomes`; True if interrupted (Ctrl-C)."""
    bar = tqdm(total=len(pending), unit="submission", file=progress, disable=progress is None, mininterval=1,
               dynamic_ncols=True)
    with bar, concurrent.futures.ThreadPoolExecutor(in_flight, thread_name_prefix="autograde") as threads:
        futures = [threads.submit(_grade_in_turn, dispatcher, outcomes[student]) for student in pending]
        try:
            for future in concurrent.futures.as_completed(futures):
                outcome = future.result()
                bar.update()
                bar.set_postfix_str(f"{outcome.student}: {outcome.score}", refresh=False)
        except KeyboardInterrupt:
            dispatcher.stop()  # the notebooks still executing are dropped; what is graded stays graded
            for future in futures:
                future.cancel()
            return True
    return False


def _grade_in_turn(dispatcher, outcome):
    with dispatcher.lock:
        if dispatcher.stopping.is_set():
            outcome.problem = INTERRUPTED
            return outcome
        result = dispatcher.autograde(outcome.student)
        if result["success"]:
            outcome.now = True
            return read_back(dispatcher.course, outcome)
        outcome.problem = dispatcher.problems.get(outcome.student) or f"nbgrader autograde failed: {_error(result)}"
        return outcome


def _error(result):
    """The exception line of a failed nbgrader run, out of its traceback or log."""
    lines = [line.strip() for line in f"{result.get('log') or ''}\n{result.get('error') or ''}".splitlines()
             if re.match(r"\s*[\w.]*(Error|Exception): ", line) and "NbGraderException" not in line]
    return lines[-1] if lines else "see its log"


def table(outcomes):
    """One line per student, then indented: a line per lost point with its reason ("-"), the written answers a grader
    has yet to score ("?"), per flag for a person to look at ("!"), and the cells where the kernel's own run of the
    visible tests disagreed with the grader ("~")."""
    width = max([len("student")] + [len(outcome.student) for outcome in outcomes])
    lines = [f"{'student':{width}}  {'score':>11}"]
    for outcome in outcomes:
        if outcome.grades is None:
            lines.append(f"{outcome.student:{width}}  {'not graded':>11}  {_one_line(outcome.problem, 400)}")
            continue
        result = outcome.grades
        lines.append(f"{outcome.student:{width}}  {result.score:5g} / {result.max_score:<3g}")
        for grade_id in result.failed:
            lines.append(f"{'':{width}}    - {grade_id}: {_one_line(str(outcome.reasons.get(grade_id, 'no output')))}")
        for grade_id, answer in result.answers.items():
            if answer.lost:
                said = f": {_one_line(answer.comment)}" if answer.comment else ""
                lines.append(f"{'':{width}}    - {grade_id}: {answer.score:g} / {answer.points:g}"
                             f"{', graded by hand' if answer.by_a_grader else ''}{said}")
        if result.waiting:
            lines.append(f"{'':{width}}    ? written answers waiting for a grader: {', '.join(result.waiting)}")
        lines += [f"{'':{width}}    ! {_one_line(flag)}" for flag in outcome.flags]
        if outcome.stricter:
            lines.append(f"{'':{width}}    ~ {findings.stricter(outcome.stricter)}")
    return "\n".join(lines)


def summary(result):
    """The run in a few lines: graded now (full marks, lost points, flagged), up to date, not graded, written answers
    waiting for a grader, time."""
    now = result.graded_now
    before = len(result.up_to_date)
    failed = [outcome for outcome in result.outcomes if outcome.grades is None]
    waiting = [outcome for outcome in result.graded if outcome.grades.waiting]
    rows = [("graded now", len(now), ""),
            ("  full marks", sum(outcome.grades.full_marks for outcome in now), ""),
            ("  lost points", sum(outcome.grades.lost_points for outcome in now), ""),
            ("  flagged for review", sum(bool(outcome.flags) for outcome in now), ""),
            ("up to date", before, "graded before from the same files; --force grades them again" if before else ""),
            ("not graded", len(failed), "reasons below" if failed else "")]
    lines = [f"{label:21}{count:6}   {note}".rstrip() for label, count, note in rows]
    lines += [f"  {outcome.student}: {_one_line(outcome.problem)}" for outcome in failed]
    if waiting:
        lines.append(f"{'to grade by hand':21}{sum(len(outcome.grades.waiting) for outcome in waiting):6}   "
                     f"written answers of {len(waiting)} students (in formgrader; the class report links them)")
    timing = f"{result.seconds:.0f} s"
    if now:
        timing += f", {result.seconds / len(now):.1f} s per submission graded"
    if result.executing:
        timing += (f", with {result.where} (a notebook took {sum(result.executing) / len(result.executing):.1f} s "
                   f"to execute on average)")
    lines.append(f"{'time':21}{timing}")
    if result.interrupted:
        lines.append("Interrupted: what was graded is kept; run the same command again to grade the rest.")
    return "\n".join(lines)


def export_grades(course, path):
    """Every grade of the gradebook to a CSV file, with nbgrader's exporter (an earlier file backed up first)."""
    path = course.root / path
    backup = back_up(course, path)
    coursedir = course.api.coursedir
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        CsvExportPlugin(to=str(path), config=course.api.config).export(gradebook)
    return f"Grades exported to {path}" + (f" (the earlier file backed up to {backup})." if backup else ".")


def generate_feedback(course, graded):
    """nbgrader's feedback for each graded student whose page is missing, older than their grading, or made with
    other marks than the gradebook's now (a grader scored or commented in formgrader since)."""
    with Gradebook(course.db_url, course.api.coursedir.course_id) as book:
        stale = [outcome.student for outcome in graded if _stale(course, outcome.student, book)]
    for student in stale:
        course.run("generate_feedback", student)
    return f"Feedback generated for {len(stale)} students in feedback/ ({len(graded) - len(stale)} already current)."


def _stale(course, student, book):
    page = course.feedback(student) / f"{course.assignment}.html"
    notebook = course.autograded(student) / f"{course.assignment}.ipynb"
    if not page.is_file() or page.stat().st_mtime < notebook.stat().st_mtime:
        return True
    now = marks(book.find_submission_notebook(course.assignment, course.assignment, student))
    return made_with(page.read_text(encoding="utf-8", errors="replace")) != now


def grade_submissions(course, submissions, jobs=None, feedback=False):
    """Place each {student: notebook} as a submission and grade them all (and make their feedback, if asked);
    the Grades of each, in order."""
    for student, nb in submissions.items():
        submit(course, student, nb)
    result = run(course, list(submissions), jobs=jobs, feedback=feedback, report=lambda line: None)
    outcomes = {outcome.student: outcome for outcome in result.outcomes}
    failed = [f"{student}: {outcomes[student].problem}" for student in submissions if outcomes[student].problem]
    if failed:
        raise CourseError("not graded: " + "; ".join(failed))
    return [outcomes[student].grades for student in submissions]


def _one_line(text, width=150):
    """The first line of text a submission may have written, safe for a terminal: control characters (escape
    codes that could redraw the report) shown as '?'."""
    line = str(text).strip().splitlines()[0] if str(text).strip() else ""
    line = "".join("?" if unicodedata.category(ch).startswith("C") else ch for ch in line)
    return line if len(line) <= width else line[:width - 1] + "…"
