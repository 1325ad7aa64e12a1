"""A class of hostile submissions beside honest ones, graded by `nnkit grade` (the conftest's hostile_batch).

Each file in tests/hostile/ is one attack from the threat model (issue 4), built on honest
work (BASE: the blank release, the solution or a catalog case): PROGRAM replaces functions,
`tamper` edits the notebook, `write` places files of its own. REASON is what the report must
say about it (None: nothing to report); EARNS, where stated, names the honest work whose score it
must earn exactly (the attack harmed the grading of nothing, its own work included).
"""
import copy
import hashlib
import runpy
import subprocess
import sys
from pathlib import Path

import nbformat

from grader import accuracy, release
from grader.course import Course
from grader.submissions import fill

NNKIT = str(Path(sys.executable).parent / "nnkit")
HONEST = {"a_honest_solution": "solution", "b_honest_blank": "blank", "z_honest_zeros": "wrong/init_all_zeros"}
# Grading configuration for the batch: a short cell timeout, so the endless loop costs seconds, not a minute.
CONFIG = "\nc.Execute.timeout = 10\nc.SandboxedExecute.wall_seconds = 120\n"


def _attack(path):
    case = runpy.run_path(str(path))
    case["name"] = path.stem
    return case


ATTACKS = [_attack(path) for path in sorted((Path(__file__).parent / "hostile").glob("*.py"))]


def student(attack):
    return f"hostile_{attack['name']}"


def grade(course, cases, release_nb, into):
    """The scratch course at `into`, graded once by `nnkit grade`: (course, the run, files before and after)."""
    scratch = release.generate(course, into)
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write(CONFIG)
    scratch = Course(scratch.root)
    solved = accuracy.solved_release(course, scratch)
    by_name = {case.name: case for case in cases}

    def base(name):
        return {"blank": release_nb, "solution": solved}.get(name) or fill(solved, by_name[name].program, name)

    for name, work in HONEST.items():
        _place(scratch, name, base(work))
    for attack in ATTACKS:
        nb = copy.deepcopy(base(attack["BASE"]))
        if "PROGRAM" in attack:
            nb = fill(nb, attack["PROGRAM"], attack["name"])
        if "tamper" in attack:
            attack["tamper"](nb)
        folder = scratch.submitted(student(attack))
        folder.mkdir(parents=True)
        if "write" in attack:
            attack["write"](folder, nb)
        else:
            nbformat.write(nb, str(folder / f"{scratch.assignment}.ipynb"))
    before = files(scratch.root)
    run = subprocess.run([NNKIT, "--course", str(scratch.root), "grade"], capture_output=True, text=True,
                         timeout=1200)
    return scratch, run, before, files(scratch.root)


def _place(course, name, nb):
    folder = course.submitted(name)
    folder.mkdir(parents=True)
    nbformat.write(nb, str(folder / f"{course.assignment}.ipynb"))


def files(root):
    """relative path -> content hash, for every file under root."""
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}
