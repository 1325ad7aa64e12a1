"""Submits, beside its notebook, a symbolic link to the instructor's notebook, and prints whatever it finds there."""
THREAT = "touch the course"
BASE = "blank"
REASON = None
EARNS = "blank"
PROGRAM = '''
import os

for _name in os.listdir("."):
    try:
        _text = open(_name, errors="replace").read()
        if "BEGIN HIDDEN" in _text or "BEGIN SOLUTION" in _text:
            print("STOLEN", _name, _text)
    except OSError:
        pass


def layer_sizes(X, Y):
    raise NotImplementedError()
'''


def write(folder, nb):
    import os

    import nbformat

    nbformat.write(nb, str(folder / "shallow_nn.ipynb"))
    os.symlink("../../../source/shallow_nn/shallow_nn.ipynb", folder / "notes.txt")
