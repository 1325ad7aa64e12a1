"""`nnkit grade` at scale, end to end: local worker processes and a real Dask cluster give the grades nbgrader's
own `nbgrader autograde` gives; a worker dying mid-submission costs a retry, not the submission; a run killed
half way loses nothing, and the next run grades only what is left. A team's course: the gradebook on a PostgreSQL
server (a private one, tests/postgres.py) grades as SQLite does, and its dump restores with psql; two graders at once
grade nothing twice.
"""
import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from nbgrader.api import Gradebook
from sqlalchemy.engine import make_url

from nnkit.verdict import findings
import loopback
import postgres
from nnkit import release
from nnkit.course import Course
from nnkit.pages import report
from nnkit.grading import points, submit
from nnkit.submissions import fill

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
CLASS = {"solution": "solution", "blank": "blank", "zeros": "wrong/init_all_zeros",
         "no_one_over_m": "wrong/backward_missing_one_over_m"}


@pytest.fixture(scope="module")
def submissions(solved_nb, release_nb, cases):
    by_name = {case.name: case for case in cases}
    return {student: {"solution": solved_nb, "blank": release_nb}.get(name) or
            fill(solved_nb, by_name[name].program, name) for student, name in CLASS.items()}


@pytest.fixture(scope="module")
def new_class(course, submissions, tmp_path_factory):
    """A function making a scratch course with the release generated and the class's submissions in place."""
    def make(name):
        scratch = release.generate(course, tmp_path_factory.mktemp(name))
        for student, nb in submissions.items():
            submit(scratch, student, nb)
        return scratch
    return make


@pytest.fixture(scope="module")
def by_nbgrader(new_class):
    """The class's points as `nbgrader autograde` gives them, one submission after another."""
    scratch = new_class("nbgrader")
    subprocess.run([BIN / "nbgrader", "autograde", scratch.assignment], cwd=scratch.root, check=True,
                   capture_output=True)
    return points(scratch)


def nnkit_grade(scratch, *options, **popen):
    return subprocess.Popen([BIN / "nnkit", "--course", scratch.root, "grade", *options], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def kill_a_worker_mid_submission(workers_of):
    """SIGKILL a worker process while it executes a notebook (its sandboxed kernel is running); the pid killed."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for worker in workers_of():
            try:
                if worker.name() != "bwrap" and any(child.name() == "bwrap" for child in worker.children()):
                    worker.kill()
                    return worker.pid
            except psutil.NoSuchProcess:  # it ended as we looked
                continue
        time.sleep(0.2)
    raise AssertionError("no worker started executing a notebook within 120 s")


@pytest.fixture(scope="module")
def local_run(new_class):
    """`nnkit grade` on two local workers, one of them killed mid-submission, exporting grades and feedback."""
    scratch = new_class("local")
    run = nnkit_grade(scratch, "--jobs", "2", "--export", "grades.csv", "--feedback")
    grading = psutil.Process(run.pid)
    # The workers are forked from a server the run started (nnkit.scaleout.forkserver): the run's grandchildren.
    killed = kill_a_worker_mid_submission(lambda: grading.children(recursive=True))
    out, err = run.communicate(timeout=600)
    return scratch, run.returncode, out, killed


def test_local_workers_grade_as_nbgrader_autograde_does_though_one_dies(local_run, by_nbgrader):
    # fails if a worker killed mid-submission loses that submission (not retried) or the handoff to workers
    # gives other points than nbgrader's own autograde
    scratch, returncode, out, killed = local_run
    assert returncode == 0 and killed, out
    assert points(scratch) == by_nbgrader
    assert "graded now                4" in out and "not graded                0" in out, out


def test_grades_are_exported_and_feedback_generated_when_asked(local_run):
    # fails if --export writes other scores than the gradebook holds (or before grading ends), or --feedback
    # skips a student
    scratch, _, _, _ = local_run
    with open(scratch.root / "grades.csv") as export:
        rows = {row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(export)}
    assert rows == {student: sum(cells.values()) for student, cells in points(scratch).items()}
    assert all((scratch.feedback(student) / f"{scratch.assignment}.html").is_file() for student in CLASS)


def test_a_dask_cluster_grades_as_nbgrader_autograde_does_though_a_worker_dies(new_class, by_nbgrader, tmp_path):
    # fails if the grading process, which has no bubblewrap here (as on an instructor's Mac: only the workers
    # sandbox), looks for a bwrap of its own when the notebooks execute elsewhere, or a dead worker costs a submission
    scratch = new_class("dask")
    with loopback.dask_cluster(2, tmp_path / "logs") as (address, nannies):
        run = nnkit_grade(scratch, "--scheduler", address, env={**os.environ, "NNKIT_BWRAP": str(tmp_path / "none")})
        killed = kill_a_worker_mid_submission(
            lambda: [worker for nanny in nannies for worker in psutil.Process(nanny.pid).children()])
        out, err = run.communicate(timeout=600)
    assert run.returncode == 0 and killed, out + err
    assert points(scratch) == by_nbgrader
    assert "graded now                4" in out and f"the Dask cluster at {address}" in out, out
    assert "Sandbox: bubblewrap" in out and "NNKIT_BWRAP" not in out + err, out + err  # the workers' own line


def test_a_run_killed_half_way_is_finished_by_the_next_without_grading_anything_twice(new_class, by_nbgrader):
    # fails if a run killed half way leaves a half-written record taken as done, the next run grades again
    # what was finished, or workers and kernels outlive the killed run
    scratch = new_class("killed")
    autograded = {student: scratch.autograded(student) / f"{scratch.assignment}.ipynb" for student in CLASS}
    run = nnkit_grade(scratch, "--jobs", "2", start_new_session=True)
    family = []
    while run.poll() is None and not any(_graded(path) for path in autograded.values()):
        family = [psutil.Process(run.pid), *psutil.Process(run.pid).children(recursive=True)]
        time.sleep(0.1)
    assert len(family) > 1, "premise: the run had started its workers when it was killed"
    os.killpg(run.pid, signal.SIGKILL)  # the run and its workers at once; the kernels' sandboxes die with them
    run.wait()
    _, alive = psutil.wait_procs(family, timeout=30)  # each dies in its own time: wait for it, don't guess how long
    assert [process.pid for process in alive if process.status() != psutil.STATUS_ZOMBIE] == []
    finished = {student: path.stat().st_mtime_ns for student, path in autograded.items() if _graded(path)}
    assert 0 < len(finished) < len(CLASS)

    rerun = nnkit_grade(scratch, "--jobs", "2")
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, out + err
    assert f"{len(CLASS) - len(finished)} to grade, {len(finished)} up to date" in out, out
    assert {student: autograded[student].stat().st_mtime_ns for student in finished} == finished
    assert points(scratch) == by_nbgrader

    again = nnkit_grade(scratch)
    out, _ = again.communicate(timeout=120)
    assert again.returncode == 0 and f"0 to grade, {len(CLASS)} up to date" in out, out
    page = report.folder(scratch) / "index.html"
    written = page.stat().st_mtime_ns
    alone = nnkit_grade(scratch, "solution")
    out, _ = alone.communicate(timeout=120)
    assert alone.returncode == 0 and "The class report is left as it was" in out, out
    assert page.stat().st_mtime_ns == written  # a run for one student does not replace the class's report


def test_ctrl_c_stops_the_run_which_reports_what_it_graded_and_leaves_nothing_running(new_class):
    # fails if Ctrl-C, which the terminal sends to the run's whole process group, reaches its workers (they would die
    # of it, printing tracebacks, instead of being stopped by the run), leaves the run grading on, or leaves a worker
    # or kernel running
    scratch = new_class("interrupted")
    autograded = [scratch.autograded(student) / f"{scratch.assignment}.ipynb" for student in CLASS]
    run = nnkit_grade(scratch, "--jobs", "2", start_new_session=True,  # its own group, as a terminal's job
                      preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as a shell leaves Ctrl-C
    family = []
    while run.poll() is None and not any(_graded(path) for path in autograded):
        family = [psutil.Process(run.pid), *psutil.Process(run.pid).children(recursive=True)]
        time.sleep(0.1)
    assert len(family) > 1, "premise: the run had started its workers when Ctrl-C came"
    os.killpg(run.pid, signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "Interrupted: what was graded is kept" in out, out + err
    assert "Traceback" not in err, err
    assert 0 < sum(_graded(path) for path in autograded) < len(CLASS)
    _, alive = psutil.wait_procs(family, timeout=30)
    assert [process.pid for process in alive if process.status() != psutil.STATUS_ZOMBIE] == []


def _graded(path):
    """Whether the autograded notebook at `path` is complete: nbgrader writes a sanitized one there first."""
    try:
        return findings.stamp_of(nbformat.read(str(path), as_version=4)) is not None
    except (OSError, ValueError):
        return False


def test_a_gradebook_on_postgresql_grades_exports_and_feeds_back_as_sqlite_does(new_class, by_nbgrader, submissions):
    # fails if a kit step reads or writes gradebook.db instead of the course's db_url (its grades, the incremental
    # run's record, the export, the backup: pg_dump's, not a copy of a stale local file), or if the dump a run makes
    # before grading, restored as README says (createdb, psql), is not the gradebook as it was then: a dump taken
    # after grading, one psql cannot load whole, one missing a grade
    scratch = new_class("postgresql")
    with postgres.server() as url:
        with open(scratch.root / "nbgrader_config.py", "a") as config:
            config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
        scratch = Course(scratch.root, scratch.assignment)  # its configuration read anew
        assert scratch.gradebook is None and scratch.db_url == url
        unknown = nnkit_grade(scratch)
        out, err = unknown.communicate(timeout=120)
        assert unknown.returncode == 2 and "no assignment 'shallow_nn' in it yet" in err and "not graded" not in out
        subprocess.run([BIN / "nbgrader", "generate_assignment", scratch.assignment, "--force"], cwd=scratch.root,
                       check=True, capture_output=True)  # the instructor's step that fills a new gradebook
        stale = (scratch.root / "gradebook.db").stat()  # the SQLite one release.generate made, no longer in use
        run = nnkit_grade(scratch, "--export", "grades.csv", "--feedback")
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, out + err
        assert points(scratch) == by_nbgrader
        [dump] = (scratch.root / "backups").glob("gradebook-*.sql")  # by pg_dump, before grading
        assert f"Gradebook backed up to {dump} (pg_dump)." in out and "CREATE TABLE public.grade " in dump.read_text()
        assert (scratch.root / "gradebook.db").stat().st_mtime_ns == stale.st_mtime_ns
        with open(scratch.root / "grades.csv") as export:
            assert {row["student_id"] for row in csv.DictReader(export)} == set(CLASS)
        assert all((scratch.feedback(student) / f"{scratch.assignment}.html").is_file() for student in CLASS)
        # A late submission: the next run grades it alone, and dumps the gradebook first, with the class's grades in it
        at_dump = points(scratch)
        submit(scratch, "late", submissions["solution"])
        again = nnkit_grade(scratch, "--jobs", "1")
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0 and f"1 to grade, {len(CLASS)} up to date" in out, out + err
        [before_late] = set((scratch.root / "backups").glob("gradebook-*.sql")) - {dump}
        assert f"Gradebook backed up to {before_late} (pg_dump)." in out
        # the premise: the dump's gradebook held the class's grades, and grading the late student changed it since
        assert at_dump == by_nbgrader and points(scratch) == {**at_dump, "late": by_nbgrader["solution"]}
        restored = restore(url, before_late, "restored")
        assert make_url(restored).database != make_url(url).database  # the premise: not the gradebook in use
        with Gradebook(restored, scratch.api.coursedir.course_id) as book:
            assert points_in(book, scratch.assignment) == at_dump


def restore(url, dump, database):
    """Restore pg_dump's `dump` as README tells an instructor: a new database `database` on `url`'s server (createdb),
    the dump loaded into it by psql, whole or not at all; the new database's URL. The programs are the server's own
    version's (tests/postgres.py), run as whoever runs the tests (root, or CI's ordinary user)."""
    server = make_url(url)
    connection = ["-h", server.host, "-p", str(server.port), "-U", server.username]
    created = subprocess.run([postgres.program("createdb"), *connection, database], capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    loaded = subprocess.run([postgres.program("psql"), *connection, "--dbname", database, "--set", "ON_ERROR_STOP=1",
                             "--single-transaction", "--quiet", "--file", str(dump)], capture_output=True, text=True)
    assert loaded.returncode == 0 and "ERROR" not in loaded.stderr, loaded.stderr
    return server.set(database=database).render_as_string(hide_password=False)


def points_in(book, assignment):
    """{student: {grade_id: score}} in nbgrader's Gradebook `book`, as nnkit.grading.points reads a course's."""
    return {submission.student_id: {grade.name: grade.score for notebook in submission.notebooks
                                    for grade in notebook.grades}
            for submission in book.assignment_submissions(assignment)}


def test_two_graders_at_once_grade_each_submission_once(new_class, by_nbgrader):
    # fails if a second run on the course grades alongside the first (every submission twice, on the same cores),
    # or its refusal does not name who holds the course
    scratch = new_class("two_graders")
    first = nnkit_grade(scratch)
    lock_file, deadline = scratch.root / ".nnkit-grading.lock", time.monotonic() + 60
    while f"process {first.pid}," not in (lock_file.read_text() if lock_file.exists() else ""):
        assert first.poll() is None and time.monotonic() < deadline, "premise: the first run holds the course"
        time.sleep(0.05)
    second = nnkit_grade(scratch, "--force")
    out, err = second.communicate(timeout=120)
    assert second.returncode == 2 and "being graded by " in err and f"process {first.pid}, since" in err, out + err
    assert first.poll() is None, "premise: the second run was refused while the first still graded"
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0 and "graded now                4" in out, out + err
    assert points(scratch) == by_nbgrader
