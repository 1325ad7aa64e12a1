"""Submits, in place of its notebook, a symbolic link to the instructor's notebook, solutions and all."""
THREAT = "touch the course"
BASE = "blank"
REASON = "symbolic link"
EARNS = None


def write(folder, nb):
    import os

    os.symlink("../../../source/shallow_nn/shallow_nn.ipynb", folder / "shallow_nn.ipynb")
