"""Hostile submissions, graded end to end by `nnkit grade` in a scratch course.

Each file in tests/hostile/ is one attack from the threat model (issue 4): code that
tries to fool the tests from inside the kernel, a notebook with its test cells edited,
code that reaches for the course, exhausts the machine, or a broken file (tests/hostile_class.py
grades them with honest students). Each is built on honest work and must gain
no point that work did not earn, leave the course unchanged outside its own folder, and
be reported with its reason; honest students graded in the same batch, before and after
them, must grade exactly as they would alone.
"""
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from nnkit.pages import report
from nnkit.grading import grades
from hostile_class import ATTACKS, HONEST, changed_outside_the_students, misjudged, student

pytestmark = pytest.mark.slow
LEAKS = ("BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "def numerical_gradients", "STOLEN")


def test_the_batch_finishes_and_reports_the_unreadable_by_name(hostile_batch):
    # fails if one attack stops the batch (an uncaught error, exit 2) or ungraded work exits 0, if an attacker is left
    # out of the report, or if escape codes a submission printed reach the instructor's terminal
    scratch, run, _, _ = hostile_batch
    assert run.returncode == 1, run.stderr  # 1: some submissions could not be graded, and the report says which
    assert "\x1b" not in run.stdout  # no escape code from a submission reaches the instructor's terminal
    for attack in ATTACKS:
        assert f"{student(attack)}" in run.stdout, f"{attack['name']} is missing from the report:\n{run.stdout}"


@pytest.mark.parametrize("attack", ATTACKS, ids=[attack["name"] for attack in ATTACKS])
def test_an_attack_earns_exactly_its_honest_work_and_is_reported_with_its_reason(hostile_batch, attack, cases):
    # fails if an attack gains or loses a point its honest work would not (a fooled check, a grading it broke), or
    # if the report does not say what only the attack makes it say, or says more than its base where nothing is due
    scratch, run, _, _ = hostile_batch
    fails = {case.name: set(case.fails) for case in cases}
    every = set(grades(scratch, "a_honest_solution").cells)
    assert misjudged(attack, scratch, lambda name: _report_block(run.stdout, name),
                     lambda work: {"solution": set(), "blank": every}.get(work, fails.get(work))) == []


CONTAINED = [attack for attack in ATTACKS if "contained" in attack]


@pytest.mark.parametrize("attack", CONTAINED, ids=[attack["name"] for attack in CONTAINED])
def test_a_machine_hog_is_held_to_its_sandboxs_bounds(hostile_batch, attack):
    # fails if a bound is lost (processes, a folder's size, a file's size): the attack gets further than it may
    scratch, _, _, _ = hostile_batch
    nb = nbformat.read(str(scratch.autograded(student(attack)) / f"{scratch.assignment}.ipynb"), as_version=4)
    printed = "".join(output.get("text", "") for cell in nb.cells for output in cell.get("outputs", []))
    assert attack["contained"](printed), f"{attack['name']} got further than its sandbox allows: {printed[-500:]}"


def test_honest_students_grade_as_if_the_attacks_were_absent(hostile_batch, expected_scores):
    # fails if an attack reaches a neighbour's grading (a leftover process or file, a shared kernel or import cache,
    # repeated grade ids written over another's gradebook rows), or the solution loses a point in a busy batch
    scratch, _, _, _ = hostile_batch
    for name, base in HONEST.items():
        assert grades(scratch, name).score == expected_scores[base], name


def test_nothing_outside_a_students_own_folders_changes(hostile_batch):
    # fails if a submission writes into the course (source/, release/, assignments/, another's folder) through the
    # sandbox, or grading rewrites a submitted file in place (the renamed notebook moved instead of copied); with the
    # gradebook on a server (conftest), if a step writes the stale gradebook.db, or backs that file up, not the server's
    scratch, _, before, after = hostile_batch
    renamed = (f"submitted/{student(_named('renamed_notebook'))}/{scratch.assignment}/"
               f"{scratch.assignment}.ipynb")  # the copy graded under the expected name
    assert changed_outside_the_students(before, after, allowed=[renamed], course=scratch) == []
    assert scratch.gradebook is None and "gradebook.db" in before  # the premise: graded on the server, the SQLite
    # gradebook release.generate made left unused beside it
    assert [Path(path).suffix for path in after if path.startswith("backups/")] == [".sql"]  # pg_dump's, once
    assert [path for path in before if path.startswith("submitted/") and before[path] != after.get(path)] == []


def test_no_output_shows_hidden_tests_solutions_or_the_grader(hostile_batch):
    # fails if the kernel can read what it may not (the source notebook, the checks, the reference) and print it, or if
    # a hidden test is sent to the kernel or quoted in a reason that the outputs or the class report show
    scratch, _, _, _ = hostile_batch
    for notebook in (scratch.root / "autograded").glob("*/*/*.ipynb"):
        for cell in nbformat.read(str(notebook), as_version=4).cells:
            text = str(cell.get("outputs", ""))
            assert not [leak for leak in LEAKS if leak in text], f"{notebook}: an output shows {LEAKS}"
    page = (report.folder(scratch) / "index.html").read_text()
    assert not [leak for leak in LEAKS if leak in page], f"the class report shows one of {LEAKS}"


def test_no_process_a_submission_started_outlives_grading(hostile_batch):
    # fails if a submission's processes outlive its kernel (bwrap without --die-with-parent or its own pid namespace, a
    # pids cgroup left unkilled): the forks attack's sleep daemons would still run
    scratch, _, _, _ = hostile_batch
    forks = scratch.autograded(student(_named("forks_and_leaves_processes"))) / f"{scratch.assignment}.ipynb"
    printed = "".join(output.get("text", "") for cell in nbformat.read(str(forks), as_version=4).cells
                      for output in cell.get("outputs", []))
    started = re.search(r"processes started: (\d+)", printed)
    assert started and int(started.group(1)) > 0, f"it started no process, so none could outlive: {printed[-500:]}"
    left = subprocess.run(["pgrep", "-f", "sleep 424[23]"], capture_output=True, text=True).stdout.split()
    assert left == []


@pytest.fixture(scope="module")
def expected_scores(hostile_batch, cases):
    """What the honest work under each attack earns: the blank 0, the solution all, a catalog case all but its FAILS."""
    scratch, _, _, _ = hostile_batch
    total = grades(scratch, "a_honest_solution").cells
    scores = {"blank": 0, "solution": sum(most for _, most in total.values())}
    for case in cases:
        scores[case.name] = scores["solution"] - sum(total[grade_id][1] for grade_id in case.fails)
    return scores


def _named(name):
    return next(attack for attack in ATTACKS if attack["name"] == name)


def _report_block(report, student):
    """The report's lines about one student: its row, then its indented lines."""
    lines = report.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(student + " "))
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        block.append(line)
    return "\n".join(block)
