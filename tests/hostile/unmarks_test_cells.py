"""Turns every test cell into an ordinary cell that does nothing: no nbgrader metadata, no code."""
THREAT = "edit test cells"
BASE = "blank"
REASON = "was missing; put back"
EARNS = "blank"


def tamper(nb):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            del cell.metadata["nbgrader"]
            cell.source = "pass"
