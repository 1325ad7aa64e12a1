"""What grading found about one submission, kept in its autograded notebook's metadata under "nnkit".

- "cells": for each grade cell, the points, whether the grader's verdict passed it, the
  one-line reason it lost its points, and whether the kernel's own run agreed;
- "flags": what a person should look at (tampering put right, a kernel stopped, a
  disagreement between the kernel and the grader), one line each;
- "graded_from": the stamp of the files it was graded from (grader.freshness), and
  "seconds": how long its notebook took to execute.
Anything a submission wrote there itself is discarded when grading starts.
"""
from dataclasses import dataclass, field

# The kinds of reason a test cell loses its points, and the error name its output then shows.
ERROR_NAMES = {"test failed": "CheckFailed", "timed out": "TimedOut", "out of memory": "OutOfMemory",
               "kernel died": "KernelDied", "tampering detected": "TamperingDetected"}
KEY = "nnkit"


def begin(nb):
    """A fresh record in nb's metadata, keeping only the tampering lines the sanitizing step left there."""
    found = nb.metadata.get(KEY, {})
    tampering = found.get("tampering", []) if isinstance(found, dict) else []
    nb.metadata[KEY] = {"cells": {}, "flags": [line for line in tampering if isinstance(line, str)]}
    return Record(nb.metadata[KEY])


@dataclass
class Record:
    data: dict = field(default_factory=dict)

    def graded(self, grade_id, points, reason, kernel_passed):
        if reason is not None and reason.split(": ")[0] not in ERROR_NAMES:
            raise ValueError(f"unknown kind of reason: {reason}")
        self.data["cells"][grade_id] = {"points": points, "passed": reason is None, "reason": reason,
                                        "kernel_passed": kernel_passed}
        if reason is None and not kernel_passed:
            self.flag(f"{grade_id}: the grader's checks passed, the kernel's own run of the cell failed")

    def flag(self, text):
        if text not in self.data["flags"]:
            self.data["flags"].append(text)


def read(nb):
    """(cells, flags) as grading recorded them in an autograded notebook; empty if it holds none."""
    found = nb.metadata.get(KEY, {})
    return found.get("cells", {}), found.get("flags", [])


def stamp(nb, value, seconds):
    """Record the stamp (grader.freshness) of the files nb was graded from, and its execution time."""
    nb.metadata.setdefault(KEY, {}).update(graded_from=value, seconds=round(seconds, 2))


def stamp_of(nb):
    found = nb.metadata.get(KEY, {})
    return found.get("graded_from") if isinstance(found, dict) else None


def seconds_of(nb):
    """How long the notebook took to execute when it was graded (None if not recorded)."""
    found = nb.metadata.get(KEY, {})
    return found.get("seconds") if isinstance(found, dict) else None
