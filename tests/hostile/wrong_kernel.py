"""The solved notebook, saved with an R kernel that the grading machine does not have."""
THREAT = "be broken"
BASE = "solution"
REASON = "kernel language was changed"
EARNS = "solution"


def tamper(nb):
    nb.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    nb.metadata["language_info"] = {"name": "R"}
