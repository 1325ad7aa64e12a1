"""Which submissions need grading: those whose files, or the course's, changed since they were graded.

A submission's stamp hashes its folder in submitted/ (names and contents; a link as a
link) and what grades it (the assignment's source folder, its checks in assignments/ and
nbgrader_config.py). The
stamp a grading ran on goes into the autograded notebook's metadata (nnkit.verdict.findings), and
nbgrader writes that notebook only after the grades are in the gradebook. So a submission
whose autograded notebook carries its current stamp, with grades in the gradebook, is
done; a run killed at any moment leaves each submission done or not, never half done.
"""
import hashlib
import os
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from nnkit.verdict import findings
from nnkit.course import CONFIG_FILE


def stamps(course, students):
    """{student: stamp}: what a grading of each student's submission depends on, {"submission": hash, "course":
    hash} (the course's hashed once)."""
    graded_by = folder_hash(course.source, extra=[course.root / CONFIG_FILE]) + folder_hash(course.content)
    return {student: {"submission": folder_hash(course.submitted(student)), "course": graded_by}
            for student in students}


def folder_hash(folder, extra=()):
    """A hash of the names and contents of the files in `folder` and of the `extra` files (by name)."""
    digest = hashlib.sha256()
    paths = sorted(Path(root, name) for root, folders, names in os.walk(folder)
                   for name in names + [name for name in folders if Path(root, name).is_symlink()])
    for path in [*paths, *extra]:
        digest.update(str(path.relative_to(folder) if path.is_relative_to(folder) else path.name).encode() + b"\0")
        digest.update(_content(path) + b"\0")
    return digest.hexdigest()


def _content(path):
    """A file's bytes; for anything else a submission may hold (a link, a pipe), what it is, never read."""
    try:
        if path.is_symlink():
            return b"link to " + os.readlink(path).encode()
        return path.read_bytes() if path.is_file() else b"not a file"
    except OSError as error:
        return f"unreadable: {error.strerror}".encode()


def done(course, stamps):
    """{student: autograded notebook} for the students of {student: stamp} whose submission was graded on exactly
    that stamp and is in the gradebook."""
    graded = {student: _autograded(course, student) for student in stamps}
    current = {student: nb for student, nb in graded.items()
               if nb is not None and findings.stamp_of(nb) == stamps[student]}
    if not current or (course.gradebook is not None and not course.gradebook.is_file()):
        return {}
    coursedir = course.api.coursedir
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        return {student: nb for student, nb in current.items() if _in(gradebook, course, student)}


def _autograded(course, student):
    path = course.autograded(student) / f"{course.assignment}.ipynb"
    try:
        return nbformat.read(str(path), as_version=4)
    except (OSError, ValueError):  # not graded, or its notebook cut short by a killed run
        return None


def _in(gradebook, course, student):
    try:
        return bool(gradebook.find_submission_notebook(course.assignment, course.assignment, student).grades)
    except MissingEntry:
        return False
