"""Deletes the locked cells that are not tests (the imports, the given sigmoid, the experiment and its helpers)."""
THREAT = "edit test cells"
BASE = "solution"
REASON = "locked cell experiment_run was missing; put back"
EARNS = "solution"  # put back, the instructor's cells run as released and the tests find what they rely on


def tamper(nb):
    nb.cells = [cell for cell in nb.cells if not (cell.metadata.get("nbgrader", {}).get("locked")
                                                  and not cell.metadata.get("nbgrader", {}).get("grade"))]
