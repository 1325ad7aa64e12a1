"""A class of hostile submissions beside honest ones, graded by `nnkit grade` (the conftest's hostile_batch).

Each file in tests/hostile/ is one attack from the threat model (issue 4), built on honest
work (BASE: the blank release, the solution or a catalog case): PROGRAM replaces functions,
`tamper` edits the notebook, `write` places files of its own. EARNS names the honest work whose
score it must earn exactly (None: it cannot be graded at all), so that it gained nothing and harmed
the grading of nothing, its own work included. REASON is what the report must say about it that the
report on its honest base alone never says; None: the report on it is the base's, line for line (the
attack left no trace, as `contained`, where stated, shows it got no further than its bounds).

The gradebook: `grade(..., db_url=URL)` keeps it on a database server (nbgrader's c.CourseDirectory.db_url), as a
teaching team does, else in the course's SQLite gradebook.db, the default. shallow_nn's class (every attack; the
conftest's hostile_batch) is graded on a private PostgreSQL server (tests/postgres.py), deep_init's (the attacks aimed
there; tests/test_hostile_deep_init.py) on SQLite: each class is graded once, as before, yet the attacks aimed at
both are held to the same cases on both backends, and the whole catalog (repeated grade ids, grades read back for the
report and the feedback pages) meets the server, where a team's grades live.
"""
import copy
import hashlib
import re
import runpy
import subprocess
import sys
from pathlib import Path

import nbformat

from nnkit import accuracy, release, sandbox
from nnkit.grading import grades
from nnkit.course import Course
from nnkit.submissions import fill

NNKIT = str(Path(sys.executable).parent / "nnkit")

# Grading configuration for the batch: a short cell timeout, so the endless loop costs seconds, not a minute.
CONFIG = "\nc.Execute.timeout = 10\nc.SandboxedExecute.wall_seconds = 120\n"


def _attack(path):
    case = runpy.run_path(str(path))
    case["name"], case["source"] = path.stem, path.read_text()
    return case


ATTACKS = [_attack(path) for path in sorted((Path(__file__).parent / "hostile").glob("*.py"))]
# An honest student for every base an attack is built on: what the attack's report is compared with.
HONEST = {"a_honest_solution": "solution", "b_honest_blank": "blank",
          **{f"z_honest_{base.split('/')[-1]}": base
             for base in sorted({attack["BASE"] for attack in ATTACKS} - {"solution", "blank"})}}


def student(attack):
    return f"hostile_{attack['name']}"


def expected_reason(attack):
    """What the report must say about it: a refused fork is counted only by a pids cgroup (grading as root)."""
    counted = attack.get("COUNTED_BY") in (None, sandbox.process_bound())
    return attack["REASON"] if counted else None


def misjudged(attack, scratch, report, lost_by):
    """How the batch graded or reported the attack otherwise than its case states: a list of sentences, empty when
    all is as stated. `report` maps a student to its report block; `lost_by(work)` is the set of grade cells
    honest work loses."""
    block, base = report(student(attack)), report(honest_of(attack["BASE"]))
    wrong, reason = [], expected_reason(attack)
    if reason is None and block.splitlines()[1:] != base.splitlines()[1:]:
        wrong.append(f"reported unlike its base {attack['BASE']}:\n{block}\n--- the base:\n{base}")
    if reason is not None and (reason in base or reason not in block):
        wrong.append(f"'{reason}' is not what its report alone says:\n{block}\n--- the base:\n{base}")
    if attack["EARNS"] is None:
        if "not graded" not in block.splitlines()[0]:
            wrong.append(f"graded, though it cannot be:\n{block}")
    else:
        lost = {grade_id for grade_id, (score, most) in grades(scratch, student(attack)).cells.items() if score < most}
        expected = lost_by(attack["EARNS"]) | set(attack.get("LOSES", ()))
        if lost != expected:
            wrong.append(f"lost points on {sorted(lost)}; its honest work loses {sorted(expected)}:\n{block}")
    return wrong


def honest_of(base):
    return next(name for name, work in HONEST.items() if work == base)


def aimed_at(vehicle):
    """The attacks that need no work of shallow_nn's, aimed at another assignment: their code rides in the function
    `vehicle` (a blank stub there) instead of layer_sizes. An attack built on shallow_nn's solution or catalog work,
    or naming its files, stays with shallow_nn."""
    aimed = []
    for attack in ATTACKS:
        program = attack.get("PROGRAM", "")
        functions = set(re.findall(r"^def ([a-z]\w*)", program, re.MULTILINE)) - {"abs", "all", "any", "isinstance", "len"}
        if (attack["BASE"] != "blank" and program) or functions - {"layer_sizes"} or "shallow_nn" in attack["source"]:
            continue
        program = program.replace("def layer_sizes(X, Y):", f"def {vehicle}:").replace("layer_sizes", vehicle.split("(")[0])
        reason = attack["REASON"] and attack["REASON"].split(": ")[0]  # the cells a reason lists are shallow_nn's
        aimed.append({**attack, "REASON": reason, **({"PROGRAM": program} if program else {})})
    return aimed


def grade(course, cases, release_nb, into, attacks=ATTACKS, honest=HONEST, db_url=None):
    """The scratch course at `into`, graded once by `nnkit grade`: (course, the run, files before and after). With
    `db_url` (an empty database), its gradebook is there, filled by nbgrader's generate_assignment as an instructor
    fills a new one; else the course's SQLite gradebook.db."""
    scratch = release.generate(course, into)
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write(CONFIG + (f"c.CourseDirectory.db_url = {db_url!r}\n" if db_url else ""))
    scratch = Course(scratch.root, scratch.assignment)  # its configuration read anew
    if db_url:
        assert scratch.db_url == db_url and scratch.gradebook is None  # the premise: graded on the server
        # release.generate filled the SQLite gradebook.db alone (left there, stale): the instructor's step for a new
        # one, `nbgrader generate_assignment --force`, run through nbgrader's API as release.generate runs it (in this
        # process: a second nbgrader process would cost the batch 7 s of start-up)
        scratch.run("generate_assignment", force=True)
    solved = accuracy.solved_release(course, scratch)
    by_name = {case.name: case for case in cases}

    def base(name):
        return {"blank": release_nb, "solution": solved}.get(name) or fill(solved, by_name[name].program, name)

    for name, work in honest.items():
        _place(scratch, name, base(work))
    for attack in attacks:
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


def changed_outside_the_students(before, after, allowed=(), course=None):
    """The files that grading changed outside what it may write (the gradebook, its backups, autograded/) and the
    paths in `allowed`. The gradebook is gradebook.db (and its journal), or `course`'s: none when it is on a database
    server, and then the gradebook.db release.generate left in the course is stale and may not change (a step
    writing there writes the wrong gradebook); the backups, pg_dump's .sql dumps then, are in backups/ either way."""
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    gradebook = "gradebook.db" if course is None else course.gradebook and course.gradebook.relative_to(course.root)
    kept = tuple(str(path) for path in (gradebook, "backups/", "autograded/", ".nbgrader.log", ".nnkit-grading.lock")
                 if path)
    return sorted(path for path in changed if not path.startswith(kept) and path not in allowed)


def _place(course, name, nb):
    folder = course.submitted(name)
    folder.mkdir(parents=True)
    nbformat.write(nb, str(folder / f"{course.assignment}.ipynb"))


def files(root):
    """relative path -> content hash, for every file under root."""
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}
