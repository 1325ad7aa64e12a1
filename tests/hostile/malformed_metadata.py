"""Gives test cells nbgrader metadata of the wrong JSON types: a string, a list, a number or a dict as grade id,
text as points (nbgrader's own steps crashed on these)."""
THREAT = "edit test cells"
BASE = "blank"
REASON = "metadata was malformed"
EARNS = "blank"


def tamper(nb):
    tests = [cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade")]
    tests[0].metadata["nbgrader"] = "grade"
    tests[1].metadata["nbgrader"] = ["grade", True]
    tests[2].metadata["nbgrader"]["grade_id"] = 12
    tests[3].metadata["nbgrader"]["points"] = "all"
    tests[4].metadata["nbgrader"]["grade_id"] = {"$ne": None}
