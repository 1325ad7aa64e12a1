"""The `nnkit` command: what the kit adds to nbgrader's own commands."""
import argparse
import sys
import tempfile
import time
from pathlib import Path

from nnkit import accuracy, release
from nnkit.scaleout import batch
from nnkit.diagnosis import catalog
from nnkit.pages import report
from nnkit.scaleout.cluster import ClusterError
from nnkit.diagnosis.catalog import CatalogError
from nnkit.course import CourseError, assignments
from nnkit.bubblewrap import SandboxUnavailable
from nnkit.gradebook import GradebookError
from nnkit.grading import table
from nnkit.submissions import SubmissionError, fill, read_notebook, solution_program

def demo(args):
    """Release each assignment, autograde a few example students in a scratch course, print the grade tables."""
    into = _scratch_folder(args.into, "nnkit-demo-")
    started = time.monotonic()
    for course in assignments(args.course, args.assignment):
        print(f"{course.assignment}: generating the release with nbgrader in a scratch course at {into} ...")
        scratch = release.generate(course, into)
        blank = read_notebook(scratch.release_notebook)
        solved = fill(blank, solution_program(read_notebook(course.source_notebook)), "the solution")
        cases = {case.name: case for case in catalog.cases(course.catalog)}
        students = {"solution": solved, "blank": blank}
        students.update({cases[name].student: fill(solved, cases[name].program, name) for name in course.demo_cases})
        print(f"{course.assignment}: autograding {len(students)} example students with nbgrader ...")
        results = batch.grade_submissions(scratch, students, feedback=True)  # before the report, which links to it
        print()
        print(table(results))
        print(f"The class report: {report.folder(scratch) / 'index.html'}")
        print()
    print(f"Done in {time.monotonic() - started:.0f} s. Autograded notebooks: {into / 'autograded'}; "
          f"feedback: {into / 'feedback'}")


def accuracy_report(args):
    """Autograde each assignment's catalog with nbgrader in a scratch course, in parallel; print each case against
    its label, then what the diagnosis names of each wrong case held out of its table."""
    into = _scratch_folder(args.into, "nnkit-accuracy-")
    mismatches = 0
    for course in assignments(args.course, args.assignment):
        known = {case.name: case for case in catalog.cases(course.catalog)}
        unknown = [name for name in args.cases if name not in known]
        if unknown:
            raise CatalogError(f"not in the catalog of {course.assignment}: {', '.join(unknown)}; cases are named "
                               "like wrong/init_all_zeros (and --assignment names the assignment).")
        cases = [known[name] for name in args.cases] or list(known.values())
        print(f"{course.assignment}: autograding {len(cases)} catalog cases with nbgrader in a scratch course at "
              f"{into} ...")
        measurement = accuracy.measure(course, into, cases, args.jobs)
        print()
        print(accuracy.table(measurement))
        print()
        print(accuracy.totals(measurement))
        print()
        print(f"{course.assignment}: each wrong case graded again, in-process, with its own entry out of the "
              "diagnosis table ...")
        held = accuracy.held_out(course, cases, args.jobs)
        print()
        print(accuracy.held_out_table(held))
        print()
        print(accuracy.held_out_totals(held))
        print()
        mismatches += len(measurement.mismatches) + sum(bool(case.misnamed) for case in held)
    return 1 if mismatches else 0


def grade(args):
    """Autograde the class's submissions of each assignment with nbgrader, sandboxed and in parallel; report each
    lost point's reason, and write a class report per assignment."""
    courses = assignments(args.course, args.assignment)
    code = 0
    for index, course in enumerate(courses):
        if len(courses) > 1:
            print(f"== {course.assignment} ==")
        last = index == len(courses) - 1  # the export holds the whole gradebook: written once, after the last
        result = batch.run(course, args.students, jobs=args.jobs, scheduler=args.scheduler, force=args.force,
                           export=args.export if last else None, feedback=args.feedback)
        if result.interrupted:
            return 130
        if any(outcome.grades is None for outcome in result.outcomes):
            code = 1
    return code


def check_release(args):
    """Fail if a committed release differs from what nbgrader generates now, leaks a solution, or has a test cell
    the grader cannot grade trusted (failing for the solution, or passing for the blank release)."""
    code = 0
    for course in assignments(args.course, args.assignment):
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
            print("Fix those test cells in source/, then regenerate the release (README: Writing tests).",
                  file=sys.stderr)
        if problems or untrusted:
            code = 1
        else:
            print(f"release/{course.assignment} matches source/{course.assignment} and holds no solution or hidden "
                  "test; every test cell passes for the solution and fails for the blank release, graded trusted.")
    return code


def mutation_score(args):
    """Grade mutants of each graded function of the solution (in-process, in parallel); print how many the hidden
    tests kill, which are equivalent, accepted or survived; exit 1 on a survivor the assignment does not accept, or
    an acceptance no survivor needs any more."""
    from nnkit.mutation import run as mutation  # only this command needs it
    assignment, functions = args.assignment, args.names
    if functions and (Path(args.course) / "source" / functions[0]).is_dir():
        assignment, functions = functions[0], functions[1:]
    code = 0
    for course in assignments(args.course, assignment):
        try:
            score = mutation.score(course, functions, args.jobs, args.until_killed)
        except ValueError as error:
            raise CourseError(str(error)) from None
        print(f"{course.assignment}:")
        print("\n".join(mutation.report(score, args.each)))
        code = max(code, int(not score.passed))
    return code


def _scratch_folder(into, prefix):
    into = Path(into or tempfile.mkdtemp(prefix=prefix))
    if into.exists() and any(into.iterdir()):
        raise CourseError(f"{into}: not empty; give --into a new or empty folder.")
    return into


def main(argv=None):
    parser = argparse.ArgumentParser(prog="nnkit", description=__doc__)
    parser.add_argument("--course", default=".", help="the course directory (default: the current one)")
    parser.add_argument("--assignment", metavar="ID", help="only this assignment (default: every one in source/)")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("grade", help=grade.__doc__)
    run.add_argument("students", nargs="*", help="students to grade (default: everyone in submitted/)")
    where = run.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=int, help="local worker processes (default: one per core)")
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
    run.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    run.add_argument("--into", help="folder for the scratch course (default: a new temporary folder)")
    run.set_defaults(action=accuracy_report)
    commands.add_parser("check-release", help=check_release.__doc__).set_defaults(action=check_release)
    run = commands.add_parser("mutants", help=mutation_score.__doc__)
    run.add_argument("names", nargs="*", metavar="[ASSIGNMENT] FUNCTION",
                     help="an assignment (default: every one), then graded functions to mutate (default: all of them)")
    run.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    run.add_argument("--until-killed", action="store_true",
                     help="grade each mutant only until a test cell fails: enough to find survivors, in about half "
                          "the time, but each killed mutant's failures are its first one only")
    run.add_argument("--each", action="store_true", help="a line per mutant: its kind, and the cells that killed it")
    run.set_defaults(action=mutation_score)
    args = parser.parse_args(argv)
    try:
        return args.action(args) or 0
    except (CourseError, SubmissionError, CatalogError, SandboxUnavailable, ClusterError, GradebookError) as error:
        print(f"nnkit: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
