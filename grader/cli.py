"""The `nnkit` command: what the kit adds to nbgrader's own commands."""
import argparse
import sys
import tempfile
import time
from pathlib import Path

from . import accuracy, batch, catalog, release, report
from .cluster import ClusterError
from .catalog import CatalogError
from .course import Course, CourseError
from .sandbox import SandboxUnavailable
from .grading import table
from .submissions import SubmissionError, fill, read_notebook, solution_program

# The bundled example students of `nnkit demo`: the solution, an empty notebook, and a few catalog cases.
DEMO_CASES = ("right/dot_and_normal_draws", "wrong/init_all_zeros", "wrong/init_too_large",
              "wrong/backward_missing_one_over_m", "wrong/predict_returns_probabilities")


def demo(args):
    """Release the assignment, autograde a few example students in a scratch course, print the grade table."""
    course = Course(args.course)
    into = _scratch_folder(args.into, "nnkit-demo-")
    started = time.monotonic()
    print(f"Generating the release with nbgrader in a scratch course at {into} ...")
    scratch = release.generate(course, into)
    blank = read_notebook(scratch.release_notebook)
    solved = fill(blank, solution_program(read_notebook(course.source_notebook)), "the solution")
    cases = {case.name: case for case in catalog.cases()}
    students = {"solution": solved, "blank": blank}
    students.update({cases[name].student: fill(solved, cases[name].program, name) for name in DEMO_CASES})
    print(f"Autograding {len(students)} example students with nbgrader ...")
    results = batch.grade_submissions(scratch, students, feedback=True)  # before the report, which links to it
    print()
    print(table(results))
    print()
    print(f"Done in {time.monotonic() - started:.0f} s. Autograded notebooks: {scratch.root / 'autograded'}; "
          f"the class report: {report.folder(scratch) / 'index.html'}; feedback: {scratch.root / 'feedback'}")


def accuracy_report(args):
    """Autograde the catalog with nbgrader in a scratch course, in parallel; print each case against its label."""
    course = Course(args.course)
    into = _scratch_folder(args.into, "nnkit-accuracy-")
    known = {case.name: case for case in catalog.cases()}
    unknown = [name for name in args.cases if name not in known]
    if unknown:
        raise CatalogError(f"not in the catalog: {', '.join(unknown)}; cases are named like wrong/init_all_zeros.")
    cases = [known[name] for name in args.cases] or list(known.values())
    print(f"Autograding {len(cases)} catalog cases with nbgrader in a scratch course at {into} ...")
    measurement = accuracy.measure(course, into, cases, args.jobs)
    print()
    print(accuracy.table(measurement))
    print()
    print(accuracy.totals(measurement))
    return 1 if measurement.mismatches else 0


def grade(args):
    """Autograde the class's submissions with nbgrader, sandboxed and in parallel; report each lost point's reason."""
    result = batch.run(Course(args.course), args.students, jobs=args.jobs, scheduler=args.scheduler,
                       force=args.force, export=args.export, feedback=args.feedback)
    if result.interrupted:
        return 130
    return 1 if any(outcome.grades is None for outcome in result.outcomes) else 0


def check_release(args):
    """Fail if the committed release differs from what nbgrader generates now, leaks a solution, or has a test cell
    the grader cannot grade trusted (failing for the solution, or passing for the blank release)."""
    course = Course(args.course)
    problems = [f"release/{course.assignment}/{path}" for path in release.stale_files(course)]
    problems += [f"{path}: contains '{marker}'" for path, marker in release.leaks(course.release)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"Regenerate it: nbgrader generate_assignment {course.assignment} --force", file=sys.stderr)
    untrusted = release.untrusted_cells(course)
    for problem in untrusted:
        print(f"{course.source_notebook.relative_to(course.root)}: test cell {problem}")
    if untrusted:
        print("Fix those test cells in source/, then regenerate the release (README: Writing tests).", file=sys.stderr)
    if problems or untrusted:
        return 1
    print(f"release/{course.assignment} matches source/{course.assignment} and holds no solution or hidden test; "
          "every test cell passes for the solution and fails for the blank release, graded trusted.")
    return 0


def _scratch_folder(into, prefix):
    into = Path(into or tempfile.mkdtemp(prefix=prefix))
    if into.exists() and any(into.iterdir()):
        raise CourseError(f"{into}: not empty; give --into a new or empty folder.")
    return into


def main(argv=None):
    parser = argparse.ArgumentParser(prog="nnkit", description=__doc__)
    parser.add_argument("--course", default=".", help="the course directory (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("grade", help=grade.__doc__)
    run.add_argument("students", nargs="*", help="students to grade (default: everyone in submitted/)")
    where = run.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=int, help="local worker processes (default: one per core, and one more)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="execute on this Dask cluster instead, e.g. tcp://10.0.0.5:8786")
    run.add_argument("--force", action="store_true", help="grade again submissions already graded from their files")
    run.add_argument("--export", metavar="CSV", help="then export every grade of the gradebook to this CSV file")
    run.add_argument("--feedback", action="store_true", help="then generate feedback for the students graded")
    run.set_defaults(action=grade)
    run = commands.add_parser("demo", help=demo.__doc__)
    run.add_argument("--into", help="folder for the scratch course (default: a new temporary folder)")
    run.set_defaults(action=demo)
    run = commands.add_parser("accuracy", help=accuracy_report.__doc__)
    run.add_argument("cases", nargs="*", help="catalog cases to grade, e.g. wrong/init_all_zeros (default: all)")
    run.add_argument("--jobs", type=int, help="worker processes (default: one per core, and one more)")
    run.add_argument("--into", help="folder for the scratch course (default: a new temporary folder)")
    run.set_defaults(action=accuracy_report)
    commands.add_parser("check-release", help=check_release.__doc__).set_defaults(action=check_release)
    args = parser.parse_args(argv)
    try:
        return args.action(args) or 0
    except (CourseError, SubmissionError, CatalogError, SandboxUnavailable, ClusterError) as error:
        print(f"nnkit: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
