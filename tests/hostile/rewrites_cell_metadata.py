"""Marks test cells as answers worth 100 points, unlocks them, and adds a grade cell of its own."""
THREAT = "edit test cells"
BASE = "blank"
REASON = "points was changed"
EARNS = "blank"


def tamper(nb):
    import nbformat

    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            meta.update(points=100, solution=True, locked=False)
            cell.source = "pass"
    extra = nbformat.v4.new_code_cell("pass")
    extra.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "points": 1000, "solution": False,
                                  "locked": True, "schema_version": 3}
    nb.cells.append(extra)
