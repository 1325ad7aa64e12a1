"""Which submissions need grading (nnkit.scaleout.freshness), without a kernel: a stamp follows a submission's files and
the course's, never their times, and a submission cannot bring its own."""
import os
import shutil
import threading

import nbformat

from nnkit.verdict import findings
from nnkit.scaleout.freshness import folder_hash, stamps


def test_a_stamp_follows_the_files_names_and_contents_not_their_times(tmp_path):
    # fails if the stamp hashes modification times (a touched file is graded again) or misses a change of
    # content or of name
    (tmp_path / "shallow_nn.ipynb").write_text("{}")
    first = folder_hash(tmp_path)
    os.utime(tmp_path / "shallow_nn.ipynb", (0, 0))
    assert folder_hash(tmp_path) == first
    (tmp_path / "shallow_nn.ipynb").write_text("{ }")
    changed = folder_hash(tmp_path)
    assert changed != first
    (tmp_path / "shallow_nn.ipynb").rename(tmp_path / "renamed.ipynb")
    assert folder_hash(tmp_path) not in (first, changed)


def test_a_pipe_or_a_link_in_a_submission_is_stamped_without_being_followed(tmp_path):
    # fails if hashing opens a pipe (it waits forever) or leaves links out of the stamp, so re-pointing a link
    # goes unnoticed
    os.mkfifo(tmp_path / "pipe")  # reading it would wait forever
    (tmp_path / "link").symlink_to("/etc/hostname")
    hashing = threading.Thread(target=folder_hash, args=(tmp_path,), daemon=True)
    hashing.start()
    hashing.join(timeout=10)
    assert not hashing.is_alive()
    before = folder_hash(tmp_path)
    (tmp_path / "link").unlink()
    (tmp_path / "link").symlink_to("/etc/passwd")
    assert folder_hash(tmp_path) != before


def test_a_stamp_changes_when_the_course_changes_what_grades_it(course, tmp_path):
    # fails if nbgrader_config.py is left out of the course's hash (a new timeout would not regrade anyone), or the
    # course's files are mixed into the submission's hash
    scratch = course.scratch_copy(tmp_path / "course")
    scratch.submitted("ada").mkdir(parents=True)
    shutil.copy(course.release_notebook, scratch.submitted("ada"))
    before = stamps(scratch, ["ada"])["ada"]
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write("\nc.Execute.timeout = 30\n")
    after = stamps(scratch, ["ada"])["ada"]
    assert after["submission"] == before["submission"] and after["course"] != before["course"]


def test_a_stamp_a_submission_wrote_into_its_own_metadata_is_dropped_when_grading_starts(release_nb):
    # fails if begin keeps what the submission put in its nnkit metadata, so a forged graded_from marks it up to
    # date without grading
    nb = nbformat.from_dict(release_nb)
    nb.metadata["nnkit"] = {"graded_from": {"submission": "forged", "course": "forged"}, "tampering": []}
    assert findings.stamp_of(nb) == {"submission": "forged", "course": "forged"}  # premise: the forged stamp is read
    findings.begin(nb)
    assert findings.stamp_of(nb) is None
