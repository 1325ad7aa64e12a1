"""Writes as much as it can to every writable place it finds."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = None  # nothing to report: the writes fail, its own work grades as usual
PROGRAM = '''
import os

for _folder in (".", "/tmp", os.path.expanduser("~"), "..", "/given"):
    try:
        with open(os.path.join(_folder, "filler.bin"), "wb") as _file:
            for _ in range(1024):
                _file.write(b"0" * (1 << 20))
    except OSError:
        pass


def layer_sizes(X, Y):
    return (X.shape[0], 4, Y.shape[0])
'''
