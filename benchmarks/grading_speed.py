"""How fast a class is graded: stock nbgrader against `nnkit grade`, on the same submissions, in one run.

    .venv/bin/python benchmarks/grading_speed.py [--students 32] [--sequential-kit] [--dask-workers 1 2]

Makes scratch courses from this one with the same N submissions (half the solution, half
three typical mistakes) and grades them:
- stock: `nbgrader autograde shallow_nn` with nbgrader's own steps (one submission after
  another, in one process, unsandboxed: what a course without the kit runs);
- kit sequential (--sequential-kit): `nbgrader autograde shallow_nn` with the kit's
  config, sandboxed, one after another (what the sandbox costs);
- kit: `nnkit grade`, on local worker processes (one per core);
- kit on Dask (--dask-workers K ...): `nnkit grade --scheduler` on a scheduler and K workers
  started as separate processes on loopback (throughput against the number of workers).
It checks every run gave every student the same points on every cell, and prints the
times, the time per submission and the ratios against stock.
"""
import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the kit, and the tests' loopback Dask cluster

import loopback  # noqa: E402
from nnkit import accuracy, release  # noqa: E402
from nnkit.course import Course  # noqa: E402
from nnkit.diagnosis import catalog  # noqa: E402
from nnkit.grading import points, submit  # noqa: E402
from nnkit.submissions import fill  # noqa: E402

BIN = Path(sys.executable).parent
STOCK = """
# The benchmark's baseline: nbgrader's own steps, unsandboxed.
c.Autograde.sanitize_preprocessors = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
"""
MISTAKES = ("wrong/backward_missing_one_over_m", "wrong/init_all_zeros", "wrong/init_too_large")


def make_class(into, students):
    """A scratch course with the release generated and `students` submissions placed."""
    scratch = release.generate(Course(ROOT, "shallow_nn"), into)
    solved = accuracy.solved_release(Course(ROOT, "shallow_nn"), scratch)
    cases = {case.name: case for case in catalog.cases(Course(ROOT, "shallow_nn").catalog)}
    for n in range(students):
        mistake = MISTAKES[n // 2 % len(MISTAKES)]
        submit(scratch, f"student_{n:03d}", solved if n % 2 == 0 else fill(solved, cases[mistake].program, mistake))
    return scratch


def timed(command, course):
    started = time.perf_counter()
    run = subprocess.run(command, cwd=course.root, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed ({run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=32, help="submissions to grade (default 32)")
    parser.add_argument("--sequential-kit", action="store_true", help="also time the kit's pipeline sequentially")
    parser.add_argument("--dask-workers", type=int, nargs="*", default=[], metavar="K",
                        help="also grade on a loopback Dask cluster of K workers, for each K given")
    args = parser.parse_args()
    into = Path(tempfile.mkdtemp(prefix="nnkit-grading-speed-"))
    nbgrader, nnkit = [str(BIN / "nbgrader"), "autograde", "shallow_nn"], [str(BIN / "nnkit"), "grade"]
    runs = {"stock": (nbgrader, STOCK)}
    if args.sequential_kit:
        runs["kit sequential"] = (nbgrader, "")
    runs["kit"] = (nnkit, "")
    for workers in args.dask_workers:
        runs[f"kit on Dask, {workers} worker{'s' * (workers > 1)}"] = (nnkit + ["--scheduler"], workers)
    print(f"{args.students} submissions ({args.students - args.students // 2} solutions, the rest "
          f"{', '.join(MISTAKES)}), scratch courses in {into}", flush=True)
    seconds, scores = {}, {}
    for number, (name, (command, setting)) in enumerate(runs.items()):
        course = make_class(into / f"course-{number}", args.students)
        if name == "stock":
            with open(course.root / "nbgrader_config.py", "a") as config:
                config.write(setting)
            course = Course(course.root, course.assignment)
        if "--scheduler" in command:
            with loopback.dask_cluster(setting, into / f"dask-{number}") as (address, _):
                seconds[name] = timed(command + [address], course)
        else:
            seconds[name] = timed(command, course)
        scores[name] = points(course)
        print(f"{name:>24}: {seconds[name]:6.1f} s, {seconds[name] / args.students:5.2f} s per submission, "
              f"{seconds['stock'] / seconds[name]:4.2f}x stock", flush=True)
    differ = [name for name in runs if scores[name] != scores["stock"]]
    print("grades identical in every run" if not differ else f"GRADES DIFFER from stock in: {', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
