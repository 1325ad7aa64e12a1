"""A notebook file cut off halfway, as an interrupted upload leaves it."""
THREAT = "be broken"
BASE = "solution"
REASON = "unreadable"
EARNS = None


def write(folder, nb):
    import nbformat

    text = nbformat.writes(nb)
    (folder / "shallow_nn.ipynb").write_text(text[: len(text) // 2])
