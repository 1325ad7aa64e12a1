"""A submission folder with no notebook in it, only a note."""
THREAT = "be broken"
BASE = "solution"
REASON = "missing"
EARNS = None


def write(folder, nb):
    (folder / "README.txt").write_text("I will send it tomorrow.\n")
