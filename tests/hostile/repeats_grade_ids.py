"""Turns the test cells into raw cells, and puts a do-nothing copy of each one's metadata at the top."""
THREAT = "edit test cells"
BASE = "blank"
REASON = "repeated another cell's grade id"
EARNS = "blank"


def tamper(nb):
    import copy

    import nbformat

    tests = [cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade")]
    for cell in tests:
        cell.cell_type = "raw"
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        decoy = nbformat.v4.new_markdown_cell("nothing to see")
        decoy.metadata["nbgrader"] = copy.deepcopy(cell.metadata["nbgrader"])
        nb.cells.insert(0, decoy)
