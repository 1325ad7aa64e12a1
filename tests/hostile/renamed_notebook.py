"""The solved notebook, saved under the name a browser gives a second download."""
THREAT = "be broken"
BASE = "solution"
REASON = "notebook renamed"
EARNS = "solution"


def write(folder, nb):
    import nbformat

    nbformat.write(nb, str(folder / "shallow_nn (1).ipynb"))
