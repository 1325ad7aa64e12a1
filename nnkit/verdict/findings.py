"""What grading found about one submission, kept in its autograded notebook's metadata under "nnkit".

- "cells": for each grade cell, the points, whether the grader's verdict passed it, the
  reason it lost its points (a `Reason`, as its text), and whether the kernel's own run agreed;
- "flags": what a person should look at (tampering put right, a kernel stopped, a
  disagreement between the kernel and the grader), one line each;
- "graded_from": the stamp of the files it was graded from (nnkit.scaleout.freshness), and
  "seconds": how long its notebook took to execute.
Anything a submission wrote there itself is discarded when grading starts.
"""
from dataclasses import dataclass, field

# The kinds of reason a test cell loses its points, and the error name its output then shows.
ERROR_NAMES = {"test failed": "CheckFailed", "timed out": "TimedOut", "out of memory": "OutOfMemory",
               "kernel died": "KernelDied", "tampering detected": "TamperingDetected"}
LIKELY = "  Likely mistake: "  # how each likely mistake the diagnosis names follows a message, a line each
KEY = "nnkit"


@dataclass(frozen=True)
class Reason:
    """Why a test cell lost its points: its kind (ERROR_NAMES), and what was observed, each likely mistake the
    diagnosis named on a line of its own below the message it explains.

    Written once, by the grading step, as its text ("<kind>: <detail>"); read back with `parse` by the summary, the
    class report and the feedback page.
    """
    kind: str
    detail: str

    def __str__(self):
        return f"{self.kind}: {self.detail}"

    @property
    def message(self):
        """What was observed, without the likely mistakes."""
        return "\n".join(line for line in self.detail.splitlines() if not line.startswith(LIKELY))

    @property
    def likely(self):
        """The likely mistakes named, each once, in order."""
        return tuple(dict.fromkeys(line[len(LIKELY):] for line in self.detail.splitlines() if line.startswith(LIKELY)))

    @property
    def error_name(self):
        return ERROR_NAMES[self.kind]

    @classmethod
    def parse(cls, text):
        """The Reason a text says; a text that is no kit reason (nbgrader's own error) is a failed test's message."""
        kind, _, detail = text.partition(": ")
        return cls(kind, detail) if kind in ERROR_NAMES else cls("test failed", text)


def likely_in(texts):
    """The likely mistakes a submission's reasons (their texts, None for a cell that passed) name, each once."""
    return tuple(dict.fromkeys(mistake for text in texts if text for mistake in Reason.parse(text).likely))


def stricter(grade_ids):
    """The line for cells the notebook's own run of the visible tests passed and the grader failed: usually a mistake
    the visible tests miss; a kernel fooled into passing looks the same."""
    return f"the notebook's own run of the visible tests passed, the grader failed: {', '.join(grade_ids)}"


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
    """Record the stamp (nnkit.scaleout.freshness) of the files nb was graded from, and its execution time."""
    nb.metadata.setdefault(KEY, {}).update(graded_from=value, seconds=round(seconds, 2))


def stamp_of(nb):
    found = nb.metadata.get(KEY, {})
    return found.get("graded_from") if isinstance(found, dict) else None


def seconds_of(nb):
    """How long the notebook took to execute when it was graded (None if not recorded)."""
    found = nb.metadata.get(KEY, {})
    return found.get("seconds") if isinstance(found, dict) else None
