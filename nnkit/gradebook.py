"""The course's gradebook wherever nbgrader keeps it (`c.CourseDirectory.db_url`): checked, described, backed up.

nbgrader reaches it through SQLAlchemy: SQLite by default (gradebook.db in the course), or a
database server for a course graded by a team. The kit uses the same URL, and
- `check(url)` and `check_assignment(...)`, before any grading: the gradebook opens and holds
  the assignment, or one line says why, naming the URL without its password and, when the
  driver is missing, the package to install;
- `back_up(url, folder)`: for SQLite, a copy by SQLite's online backup (consistent even while
  another process writes, where a file copy can catch a write half done); for PostgreSQL, a
  dump by its own pg_dump where it is on PATH; otherwise no copy, and the line says so and
  how to back it up. Never a claim about a file that is not the gradebook.
"""
import contextlib
import datetime
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy
from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.engine import make_url

DRIVER_PACKAGES = {"psycopg": "psycopg[binary]", "psycopg2": "psycopg2-binary", "pg8000": "pg8000",
                   "asyncpg": "asyncpg", "pymysql": "PyMySQL", "mysqldb": "mysqlclient",
                   "mysqlconnector": "mysql-connector-python"}


class GradebookError(Exception):
    """The gradebook cannot be used: the message names it (no password) and what to do."""


def shown(url):
    """The URL as it may be printed: its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sqlalchemy.exc.ArgumentError:
        return "(not a database URL)"


def sqlite_file(url):
    """The file of a SQLite gradebook; None for a database server."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check(url):
    """Nothing if the gradebook can be opened (a SQLite file not made yet will be); else GradebookError."""
    try:
        engine = sqlalchemy.create_engine(url)
    except sqlalchemy.exc.NoSuchModuleError:
        raise GradebookError(f"gradebook {shown(url)}: SQLAlchemy knows no such database; correct "
                             "c.CourseDirectory.db_url in nbgrader_config.py.") from None
    except sqlalchemy.exc.ArgumentError:
        raise GradebookError("c.CourseDirectory.db_url is not a database URL; correct it in nbgrader_config.py "
                             "(like sqlite:///gradebook.db or postgresql://user@host/db).") from None
    except ModuleNotFoundError as missing:
        driver = make_url(url).get_driver_name()
        raise GradebookError(f"gradebook {shown(url)}: its driver {missing.name!r} is not installed; "
                             f"pip install {DRIVER_PACKAGES.get(driver, missing.name)}") from None
    path = sqlite_file(url)
    try:
        if path is None or path.exists():
            with engine.connect() as connection:
                if path is not None:  # SQLite opens any file: reading it finds one that is not a database
                    connection.exec_driver_sql("SELECT count(*) FROM sqlite_master")
        elif not path.parent.is_dir():
            raise GradebookError(f"gradebook {shown(url)}: its folder {path.parent} does not exist; correct "
                                 "c.CourseDirectory.db_url in nbgrader_config.py.")
    except sqlalchemy.exc.DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        raise GradebookError(f"gradebook {shown(url)}: cannot be opened ({reason}); start the database or correct "
                             "c.CourseDirectory.db_url in nbgrader_config.py.") from None
    finally:
        engine.dispose()


def check_assignment(url, course_id, assignment):
    """Nothing if the gradebook knows the assignment (nbgrader generate_assignment records it and its grade cells
    there, and autograde needs them); else GradebookError, once, instead of a failure per student."""
    path = sqlite_file(url)
    if path is None or path.is_file():
        with Gradebook(url, course_id) as book:
            try:
                book.find_assignment(assignment)
                return
            except MissingEntry:
                pass
    raise GradebookError(f"gradebook {shown(url)}: no assignment {assignment!r} in it yet; run nbgrader "
                         f"generate_assignment {assignment} (it records the assignment's grade cells there), then "
                         "grade again.")


def back_up(url, folder):
    """Back the gradebook up into `folder` before grading changes it: (the copy's path or None, the line to report,
    or None when there is no gradebook yet)."""
    path = sqlite_file(url)
    if path is None:
        return _dumped(url, backup_path(folder, "gradebook", ".sql"))
    if not path.is_file():
        return None, None
    folder.mkdir(exist_ok=True)
    copy = backup_path(folder, path.stem, path.suffix)
    with contextlib.closing(sqlite3.connect(path)) as source, contextlib.closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    return copy, f"Gradebook backed up to {copy} (SQLite's online backup)."


def backup_path(folder, stem, suffix):
    """Where a backup made now goes: stem-<time to the microsecond>suffix in `folder`."""
    return folder / f"{stem}-{datetime.datetime.now():%Y%m%d-%H%M%S-%f}{suffix}"


def _dumped(url, dump):
    """A PostgreSQL gradebook dumped by pg_dump into `dump`; for any other server, or without pg_dump, a line saying
    it was not backed up."""
    parsed = make_url(url)
    pg_dump = shutil.which("pg_dump")
    not_backed_up = (f"The gradebook on {shown(url)} is not backed up by the kit: back it up with the database's own "
                     "tool before grading")
    if parsed.get_backend_name() != "postgresql":
        return None, not_backed_up + "."
    if pg_dump is None:
        return None, not_backed_up + " (pg_dump, which is not on PATH here)."
    dump.parent.mkdir(exist_ok=True)
    # The password goes by the environment, not the command line that every user of the machine can read.
    libpq = parsed._replace(drivername="postgresql", password=None).render_as_string(hide_password=False)
    environment = {**os.environ, **({"PGPASSWORD": parsed.password} if parsed.password else {})}
    run = subprocess.run([pg_dump, "--dbname", libpq, "--file", str(dump)], capture_output=True, text=True,
                         env=environment)
    if run.returncode != 0:
        dump.unlink(missing_ok=True)
        reason = (run.stderr.strip().splitlines() or ["no message"])[-1]
        if parsed.password:
            reason = reason.replace(parsed.password, "***")
        return None, not_backed_up + f" (pg_dump failed: {reason})."
    return dump, f"Gradebook backed up to {dump} (pg_dump)."
