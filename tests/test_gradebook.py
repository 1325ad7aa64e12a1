"""The gradebook wherever nbgrader keeps it, backed up for real; one grading run per course at a time.

Fast: SQLite files and URLs of servers that need not exist (nothing here connects to one), locks taken here and in
a child process.
"""
import importlib.util
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from nnkit import gradebook
from nnkit.cli import main
from nnkit.course import CourseError
from nnkit.scaleout import lock

SERVER = "mysql+mysqldb://grader:s3cret@db.example.org/course"  # its driver (mysqlclient) is not installed here


def test_a_sqlite_gradebook_is_copied_with_what_was_committed_even_while_it_is_open(tmp_path):
    # fails if the backup is a copy of the file: in WAL mode a committed grade lives in gradebook.db-wal until a
    # checkpoint, and a copy of gradebook.db alone loses it
    path = tmp_path / "gradebook.db"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE grade (student TEXT, score REAL)")
    writer.execute("INSERT INTO grade VALUES ('ann', 21)")
    writer.commit()
    shutil.copy(path, tmp_path / "file-copy.db")
    with sqlite3.connect(tmp_path / "file-copy.db") as copied:  # the premise: a file copy misses the grade
        assert not copied.execute("SELECT name FROM sqlite_master WHERE name = 'grade'").fetchall()
    copy, line = gradebook.back_up(f"sqlite:///{path}", tmp_path / "backups")
    writer.close()
    with sqlite3.connect(copy) as backed_up:
        assert backed_up.execute("SELECT student, score FROM grade").fetchall() == [("ann", 21.0)]
        assert backed_up.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert line == f"Gradebook backed up to {copy} (SQLite's online backup)." and copy.parent == tmp_path / "backups"


def test_a_sqlite_gradebook_restored_from_its_backup_holds_the_grades_it_held_when_backed_up(tmp_path, monkeypatch):
    # fails if the backup cannot stand in for the gradebook as README says to restore it (copied over gradebook.db):
    # not a whole gradebook nbgrader opens, one missing a grade, a student or a grader's score, or taken after the
    # change it is meant to undo
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")  # nbgrader's alembic
    path = tmp_path / "gradebook.db"
    url = f"sqlite:///{path}"
    with Gradebook(url, "course") as book:  # open throughout, as formgrader would be
        book.add_assignment("shallow_nn")
        book.add_notebook("shallow_nn", "shallow_nn")
        for cell, most in (("test_layer_sizes", 1), ("test_predict", 2)):
            book.add_grade_cell(cell, "shallow_nn", "shallow_nn", max_score=most, cell_type="code")
        for student, scores in {"ann": {"test_layer_sizes": 1, "test_predict": 2},
                                "bob": {"test_layer_sizes": 0, "test_predict": 1}}.items():
            book.add_student(student)
            book.add_submission("shallow_nn", student)
            for cell, score in scores.items():
                book.find_grade(cell, "shallow_nn", "shallow_nn", student).auto_score = score
        book.find_grade("test_predict", "shallow_nn", "shallow_nn", "bob").manual_score = 1.5  # a grader's
        book.db.commit()
        held = _held(book)
        copy, _ = gradebook.back_up(url, tmp_path / "backups")
        # what followed: a run that went wrong rewrites a grade and grades a student who should not be there, and a
        # grader's score is overwritten
        book.find_grade("test_predict", "shallow_nn", "shallow_nn", "ann").auto_score = 0
        book.find_grade("test_predict", "shallow_nn", "shallow_nn", "bob").manual_score = 0
        book.add_student("mallory")
        book.add_submission("shallow_nn", "mallory")
        book.db.commit()
        assert _held(book) != held and set(_held(book)) == {"ann", "bob", "mallory"}  # the premise: it changed
    assert held == {"ann": {"test_layer_sizes": (1, None, 1), "test_predict": (2, None, 2)},
                    "bob": {"test_layer_sizes": (0, None, 0), "test_predict": (1, 1.5, 1.5)}}
    shutil.copy(copy, path)  # the restore, with nothing grading: the backup copied over the gradebook
    with Gradebook(url, "course") as book:
        assert _held(book) == held and sorted(student.id for student in book.students) == ["ann", "bob"]


def _held(book):
    """{student: {grade_id: (auto score, grader's score, score)}}: every submission of shallow_nn in the gradebook."""
    return {submission.student_id: {grade.name: (grade.auto_score, grade.manual_score, grade.score)
                                     for notebook in submission.notebooks for grade in notebook.grades}
            for submission in book.assignment_submissions("shallow_nn")}


def test_a_gradebook_on_a_server_is_not_claimed_backed_up(tmp_path):
    # fails if the kit copies some local file and calls it the backup of a server's gradebook, or prints the password
    copy, line = gradebook.back_up(SERVER, tmp_path / "backups")
    assert copy is None and not (tmp_path / "backups").exists()
    assert "is not backed up by the kit" in line and "grader:***@db.example.org" in line and "s3cret" not in line


def test_a_postgresql_gradebook_pg_dump_cannot_dump_is_said_not_backed_up(tmp_path, monkeypatch):
    # fails if a failed or impossible dump is reported as a backup, an empty dump file is left as if it were one, or
    # the password shows: in pg_dump's message, or on its command line (which every user can read): it goes by
    # PGPASSWORD
    url = "postgresql+psycopg://grader:s3cret@127.0.0.1:1/gradebook"
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump here
    copy, line = gradebook.back_up(url, tmp_path / "backups")
    assert copy is None and "pg_dump, which is not on PATH here" in line
    fake = tmp_path / "pg_dump"  # one that fails as pg_dump does, quoting the URL it was given
    fake.write_text('#!/bin/sh\ntouch "$4"\necho "pg_dump: error: connection to $2 failed ($PGPASSWORD)" >&2\n'
                    'exit 1\n')
    fake.chmod(0o755)
    copy, line = gradebook.back_up(url, tmp_path / "backups")
    assert copy is None and list((tmp_path / "backups").iterdir()) == []
    assert "pg_dump failed: pg_dump: error: connection to postgresql://grader@127.0.0.1:1/gradebook failed (***)" \
        in line and "s3cret" not in line


def test_a_missing_driver_is_one_line_naming_the_package_to_install():
    # fails if SQLAlchemy's ModuleNotFoundError escapes as a traceback, names the module and not the package, or
    # shows the password
    assert importlib.util.find_spec("MySQLdb") is None  # the premise: the driver is missing here
    with pytest.raises(gradebook.GradebookError) as error:
        gradebook.check(SERVER)
    message = str(error.value)
    assert "pip install mysqlclient" in message and "s3cret" not in message and "\n" not in message


@pytest.mark.parametrize("url, says", [("sqlite:///{tmp}/no/such/folder/gradebook.db", "does not exist"),
                                       ("sqlite:///{tmp}/corrupt.db", "cannot be opened (file is not a database)"),
                                       ("notaurl", "not a database URL"),
                                       ("nosuchdb://x/y", "SQLAlchemy knows no such database")])
def test_a_gradebook_that_cannot_be_opened_is_one_line(tmp_path, url, says):
    # fails if a corrupt or misplaced gradebook is only found by nbgrader half way through grading (a traceback per
    # student), or the message does not say what is wrong
    (tmp_path / "corrupt.db").write_bytes(b"this is not SQLite " * 100)
    with pytest.raises(gradebook.GradebookError) as error:
        gradebook.check(url.format(tmp=tmp_path))
    assert says in str(error.value) and "\n" not in str(error.value)


def test_a_sqlite_gradebook_not_made_yet_is_fine_and_not_made_by_the_check(tmp_path):
    # fails if a course's first run is refused, or the check leaves an empty file nbgrader then takes for a gradebook
    gradebook.check(f"sqlite:///{tmp_path}/gradebook.db")
    assert not (tmp_path / "gradebook.db").exists()


def test_a_gradebook_without_the_assignment_is_one_line_saying_to_generate_it(tmp_path, monkeypatch):
    # fails if a gradebook nbgrader never recorded the assignment in (a new server database) is found out student by
    # student, each "not graded"
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")  # nbgrader's alembic
    url = f"sqlite:///{tmp_path}/gradebook.db"
    with pytest.raises(gradebook.GradebookError, match="run nbgrader generate_assignment shallow_nn"):
        gradebook.check_assignment(url, "course", "shallow_nn")  # no gradebook at all yet
    with Gradebook(url, "course") as book:
        book.add_assignment("deep_init")
    with pytest.raises(gradebook.GradebookError, match="no assignment 'shallow_nn' in it yet"):
        gradebook.check_assignment(url, "course", "shallow_nn")
    gradebook.check_assignment(url, "course", "deep_init")


def test_nnkit_grade_stops_before_grading_when_the_gradebook_cannot_be_opened(course, tmp_path, capsys):
    # fails if grading starts (and each student is reported "not graded", one by one) before the gradebook is known
    # to open, or the course's own db_url is not the one checked
    scratch = course.scratch_copy(tmp_path / "course")
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write(f"\nc.CourseDirectory.db_url = {SERVER!r}\n")
    (scratch.root / "submitted" / "ann" / scratch.assignment).mkdir(parents=True)
    assert main(["--course", str(scratch.root), "grade"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pip install mysqlclient" in err and "s3cret" not in err
    assert not (scratch.root / "autograded" / "ann").exists()


def test_a_second_run_on_the_course_stops_at_once_naming_who_holds_it(course, tmp_path):
    # fails if two runs grade the same course at once (each grades everything), or the refusal does not say who
    # holds it (user, host, process, since)
    scratch = course.scratch_copy(tmp_path / "course")
    with lock.holding(scratch) as not_locked:
        assert not_locked is None
        with pytest.raises(CourseError) as error:
            with lock.holding(scratch):
                pass
    message = str(error.value)
    assert f"process {os.getpid()}, since " in message and " on " in message
    with lock.holding(scratch):  # released when the first run ended
        pass


def test_a_run_killed_with_sigkill_does_not_block_the_next(course, tmp_path):
    # fails if the lock is a file whose existence means "locked" (a killed run leaves it behind forever)
    scratch = course.scratch_copy(tmp_path / "course")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from nnkit.course import Course
        from nnkit.scaleout import lock
        with lock.holding(Course({str(scratch.root)!r}, {scratch.assignment!r})):
            print("holding", flush=True)
            time.sleep(600)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(CourseError, match=f"process {holder.pid}, since"):
            with lock.holding(scratch):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert (scratch.root / lock.LOCK).exists()  # what it left behind
    with lock.holding(scratch) as not_locked:
        assert not_locked is None
