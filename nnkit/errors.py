"""What judging a test cell can end in, besides passing: a check's finding, or no answer at all."""


class CheckFailed(AssertionError):
    """A check saw behaviour the lesson rules out; the message says what and why."""


class GradingStopped(Exception):
    """The student's code could not be asked at all: the kernel died, timed out, or broke the protocol.

    Not a finding about one check: it ends the cell's checks. Its message is the reason line the cell loses its
    points with, "<kind>: <what happened>" ("timed out: ...", see nnkit.verdict.findings).
    """
