"""Hostile submissions, graded end to end by `nnkit grade` in a scratch course.

Each file in tests/hostile/ is one attack from the threat model (issue 4): code that
tries to fool the tests from inside the kernel, a notebook with its test cells edited,
code that reaches for the course, exhausts the machine, or a broken file. Each is built
on honest work (BASE: the blank release, the solution or a catalog case) and must gain
no point that work did not earn, leave the course unchanged outside its own folder, and
be reported with its reason; honest students graded in the same batch, before and after
them, must grade exactly as they would alone.
"""
import copy
import hashlib
import runpy
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from grader import accuracy, release
from grader.course import Course
from grader.grading import grades
from grader.submissions import fill

pytestmark = pytest.mark.slow
HOSTILE = sorted((Path(__file__).parent / "hostile").glob("*.py"))
NNKIT = str(Path(sys.executable).parent / "nnkit")
LEAKS = ("BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "def numerical_gradients", "STOLEN")
HONEST = {"a_honest_solution": "solution", "b_honest_blank": "blank", "z_honest_zeros": "wrong/init_all_zeros"}
# Grading configuration for the batch: a short cell timeout, so the endless loop costs seconds, not a minute.
CONFIG = "\nc.Execute.timeout = 10\nc.SandboxedExecute.wall_seconds = 120\n"


def _attack(path):
    case = runpy.run_path(str(path))
    case["name"] = path.stem
    return case


ATTACKS = [_attack(path) for path in HOSTILE]


@pytest.fixture(scope="module")
def batch(course, cases, release_nb, tmp_path_factory):
    """The scratch course, graded once by `nnkit grade`: (course, the report it printed, files before and after)."""
    scratch = release.generate(course, tmp_path_factory.mktemp("hostile"))
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write(CONFIG)
    scratch = Course(scratch.root)
    solved = accuracy.solved_release(course, scratch)
    by_name = {case.name: case for case in cases}

    def base(name):
        return {"blank": release_nb, "solution": solved}.get(name) or fill(solved, by_name[name].program, name)

    for student, name in HONEST.items():
        _place(scratch, student, base(name))
    for attack in ATTACKS:
        nb = copy.deepcopy(base(attack["BASE"]))
        if "PROGRAM" in attack:
            nb = fill(nb, attack["PROGRAM"], attack["name"])
        if "tamper" in attack:
            attack["tamper"](nb)
        folder = scratch.submitted(_student(attack))
        folder.mkdir(parents=True)
        if "write" in attack:
            attack["write"](folder, nb)
        else:
            nbformat.write(nb, str(folder / f"{scratch.assignment}.ipynb"))
    before = _files(scratch.root)
    run = subprocess.run([NNKIT, "--course", str(scratch.root), "grade"], capture_output=True, text=True,
                         timeout=1200)
    return scratch, run, before, _files(scratch.root)


def test_the_batch_finishes_and_reports_the_unreadable_by_name(batch):
    scratch, run, _, _ = batch
    assert run.returncode == 1, run.stderr  # 1: some submissions could not be graded, and the report says which
    assert "\x1b" not in run.stdout  # no escape code from a submission reaches the instructor's terminal
    for attack in ATTACKS:
        assert f"{_student(attack)}" in run.stdout, f"{attack['name']} is missing from the report:\n{run.stdout}"


@pytest.mark.parametrize("attack", ATTACKS, ids=[attack["name"] for attack in ATTACKS])
def test_an_attack_gains_nothing_and_is_reported_with_its_reason(batch, attack, cases, expected_scores):
    scratch, run, _, _ = batch
    block = _report_block(run.stdout, _student(attack))
    if attack["REASON"] is not None:
        assert attack["REASON"] in block, f"{attack['name']}: no '{attack['REASON']}' in its report:\n{block}"
    if "not graded" in block.splitlines()[0]:
        return  # reported by name; nothing entered the gradebook for it
    earned = grades(scratch, _student(attack)).score
    assert earned <= expected_scores[attack["BASE"]], f"{attack['name']} gained points:\n{block}"


def test_honest_students_grade_as_if_the_attacks_were_absent(batch, expected_scores):
    scratch, _, _, _ = batch
    for student, base in HONEST.items():
        assert grades(scratch, student).score == expected_scores[base], student


def test_nothing_outside_a_students_own_folders_changes(batch):
    scratch, _, before, after = batch
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    allowed = ("gradebook.db", "backups/", "autograded/", ".nbgrader.log")
    renamed = (f"submitted/{_student(_named('renamed_notebook'))}/{scratch.assignment}/"
               f"{scratch.assignment}.ipynb")  # the copy graded under the expected name
    assert sorted(path for path in changed if not path.startswith(allowed) and path != renamed) == []
    assert [path for path in before if path.startswith("submitted/") and before[path] != after.get(path)] == []


def test_no_output_shows_hidden_tests_solutions_or_the_grader(batch):
    scratch, _, _, _ = batch
    for notebook in (scratch.root / "autograded").glob("*/*/*.ipynb"):
        for cell in nbformat.read(str(notebook), as_version=4).cells:
            text = str(cell.get("outputs", ""))
            assert not [leak for leak in LEAKS if leak in text], f"{notebook}: an output shows {LEAKS}"


def test_no_process_a_submission_started_outlives_grading(batch):
    left = subprocess.run(["pgrep", "-f", "sleep 424[23]"], capture_output=True, text=True).stdout.split()
    assert left == []


@pytest.fixture(scope="module")
def expected_scores(batch, cases):
    """What the honest work under each attack earns: the blank 0, the solution all, a catalog case all but its FAILS."""
    scratch, _, _, _ = batch
    total = grades(scratch, "a_honest_solution").cells
    scores = {"blank": 0, "solution": sum(most for _, most in total.values())}
    for case in cases:
        scores[case.name] = scores["solution"] - sum(total[grade_id][1] for grade_id in case.fails)
    return scores


def _student(attack):
    return f"hostile_{attack['name']}"


def _named(name):
    return next(attack for attack in ATTACKS if attack["name"] == name)


def _place(course, student, nb):
    folder = course.submitted(student)
    folder.mkdir(parents=True)
    nbformat.write(nb, str(folder / f"{course.assignment}.ipynb"))


def _files(root):
    """relative path -> content hash, for every file under root."""
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


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
