"""A private PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder, on a loopback port, stopped
after; Debian's package installed first where it is missing (tests/system_packages.py).

PostgreSQL refuses to run as root: run as root, the server runs as the system user nnkit-pg (made if missing); run as
an ordinary user (CI's nnkit-ci, .ci/as_ordinary_user), as that user. Either way the tests reach it as its superuser
`grader` over TCP on 127.0.0.1 (trust): its clients (nnkit's pg_dump, `program("psql")`) run as whoever runs the
tests.
"""
import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import system_packages

USER = "nnkit-pg"


def program(name):
    """The path of PostgreSQL's program `name` (initdb, pg_ctl, createdb, psql, ...): the one beside the initdb the
    servers are made with, so client and server are the same version (Debian's package installed first if missing)."""
    return system_packages.installed("/usr/lib/postgresql/*/bin/initdb", "postgresql").parent / name


@contextlib.contextmanager
def server():
    """A running server with an empty database `gradebook`: its SQLAlchemy URL (the psycopg 3 driver)."""
    initdb = program("initdb")
    folder = Path(tempfile.mkdtemp(prefix="nnkit-pg-"))  # not below pytest's folders: the server's user enters it
    as_user = []
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(USER)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", USER], check=True)
        shutil.chown(folder, USER)
        as_user = ["runuser", "-u", USER, "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    pg_ctl, data = initdb.parent / "pg_ctl", folder / "data"
    subprocess.run([*as_user, initdb, "-D", data, "-U", "grader", "--auth=trust", "-E", "UTF8"], check=True,
                   capture_output=True)
    subprocess.run([*as_user, pg_ctl, "-D", data, "-l", folder / "log", "-w", "-o",
                    f"-h 127.0.0.1 -p {port} -k {folder}", "start"], check=True, capture_output=True)
    try:
        subprocess.run([*as_user, initdb.parent / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "grader",
                        "gradebook"], check=True, capture_output=True)
        yield f"postgresql+psycopg://grader@127.0.0.1:{port}/gradebook"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
