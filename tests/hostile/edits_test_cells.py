"""Replaces the code of every test cell with `pass`."""
THREAT = "edit test cells"
BASE = "blank"
REASON = "tampering put right"
EARNS = "blank"


def tamper(nb):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source = "pass"
