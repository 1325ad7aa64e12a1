"""Writes as much as it can to every writable place it finds."""
import re
THREAT = "exhaust the machine"
BASE = "solution"
REASON = None  # nothing to report: the writes fail, its own work grades as usual
EARNS = "solution"
PROGRAM = '''
import os

_written = 0
for _folder in (".", "/tmp", os.path.expanduser("~"), "..", "/given"):
    try:
        with open(os.path.join(_folder, "filler.bin"), "wb") as _file:
            for _ in range(1024):
                _file.write(b"0" * (1 << 20))
                _written += 1
    except OSError:
        pass
print("megabytes written:", _written)


def layer_sizes(X, Y):
    return (X.shape[0], 4, Y.shape[0])
'''


def contained(printed):
    """Only its home (named twice) and /tmp are writable, and each file holds at most 32 MiB (file_size)."""
    return int(re.search(r"megabytes written: (\d+)", printed).group(1)) <= 3 * 32
