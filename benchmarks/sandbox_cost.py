"""What the sandbox costs: the same submissions autograded with and without it, in one run.

    .venv/bin/python benchmarks/sandbox_cost.py [--students N]

Makes two scratch courses from this one: "kit", with the course's nbgrader_config.py
(sandboxed kernel, verdicts computed by the grader), and "stock", the same config with
nbgrader's own sanitize and autograde steps put back (the kernel unsandboxed, the hidden
checks run in it). Places N copies of the solution and N of a typical mistake in each,
autogrades them one after another with nbgrader's API, checks both give the same scores,
and prints the time per submission of each and their ratio.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader import accuracy, catalog, release  # noqa: E402
from grader.course import Course  # noqa: E402
from grader.grading import grades, submit  # noqa: E402
from grader.submissions import fill  # noqa: E402

STOCK = """
# The benchmark's baseline: nbgrader's own steps, unsandboxed.
c.Autograde.sanitize_preprocessors = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
"""
MISTAKE = "wrong/backward_missing_one_over_m"


def course_for(kind, into):
    scratch = release.generate(Course(ROOT), into / kind)
    if kind == "stock":
        with open(scratch.root / "nbgrader_config.py", "a") as config:
            config.write(STOCK)
    return Course(scratch.root)


def grade_all(course, students):
    """Seconds per submission, and the scores, autograding one student after another."""
    seconds, scores = [], {}
    for student, nb in students.items():
        submit(course, student, nb)
        started = time.perf_counter()
        course.run("autograde", student)
        seconds.append(time.perf_counter() - started)
        scores[student] = grades(course, student).score
    return seconds, scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=3, help="copies of each submission (default 3)")
    args = parser.parse_args()
    into = Path(tempfile.mkdtemp(prefix="nnkit-sandbox-cost-"))
    courses = {kind: course_for(kind, into) for kind in ("stock", "kit")}
    solved = accuracy.solved_release(Course(ROOT), courses["kit"])
    mistake = next(case for case in catalog.cases() if case.name == MISTAKE)
    students = {f"solution_{n}": solved for n in range(args.students)}
    students.update({f"mistake_{n}": fill(solved, mistake.program, MISTAKE) for n in range(args.students)})
    results = {kind: grade_all(course, students) for kind, course in courses.items()}
    print(f"{len(students)} submissions each ({args.students} solutions, {args.students} x {MISTAKE}), in {into}")
    for kind, (seconds, scores) in results.items():
        print(f"{kind:>5}: {statistics.mean(seconds):5.2f} s per submission (median {statistics.median(seconds):.2f}, "
              f"scores {sorted(set(scores.values()))})")
    stock, kit = (statistics.mean(results[kind][0]) for kind in ("stock", "kit"))
    print(f"sandboxed / stock: {kit / stock:.2f}x ({kit - stock:+.2f} s per submission)")
    same = results["stock"][1] == results["kit"][1]
    print("scores identical" if same else f"SCORES DIFFER: {results['stock'][1]} vs {results['kit'][1]}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
