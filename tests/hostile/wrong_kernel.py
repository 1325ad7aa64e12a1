"""The solved notebook, saved with an R kernel that the grading machine does not have."""
THREAT = "be broken"
BASE = "solution"
REASON = None  # nbgrader restores the assignment's kernel; it grades as usual


def tamper(nb):
    nb.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    nb.metadata["language_info"] = {"name": "R"}
