"""One grading run per course at a time.

A run holds an exclusive lock on `.nnkit-grading.lock` in the course folder for as long as it
lives, and writes there who holds it: user, host, process, since when. A second `nnkit grade`
on the course (another grader, another terminal) stops at once and names the holder. The
lock is the operating system's, on the open file, not the file itself: it goes when the
process ends, however it ends (Ctrl-C, SIGKILL, a crash, a power cut), so a dead run never
blocks the next; the file stays, with the last holder's name, and means nothing by itself.
`nbgrader autograde` run by hand does not take it: running it beside `nnkit grade` on the
same course is unsafe (README). Where the system has no flock (Windows), the course is not
locked, and the run says so.
"""
import contextlib
import datetime
import getpass
import os
import socket

from nnkit.course import CourseError

LOCK = ".nnkit-grading.lock"
NOT_LOCKED = "The course is not locked against a second grading run: this system has no flock."


@contextlib.contextmanager
def holding(course):
    """The course's grading lock, while the context lasts (its value: None, or NOT_LOCKED where there is no flock);
    CourseError naming the holder if another run has it."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield NOT_LOCKED
        return
    path = course.root / LOCK
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another run"
            raise CourseError(f"{course.root}: being graded by {holder}; wait for that run to end, or stop it, "
                              "then run nnkit grade again.")
        handle.seek(0)
        handle.truncate()
        handle.write(f"{getpass.getuser()} on {socket.gethostname()}, process {os.getpid()}, since "
                     f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %Z}\n")
        handle.flush()
        yield None
    finally:
        handle.close()  # and the lock with it

