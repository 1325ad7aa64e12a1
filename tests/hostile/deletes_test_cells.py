"""Deletes every test cell."""
THREAT = "edit test cells"
BASE = "blank"
REASON = "was missing; put back"
EARNS = "blank"


def tamper(nb):
    nb.cells = [cell for cell in nb.cells if not cell.metadata.get("nbgrader", {}).get("grade")]
