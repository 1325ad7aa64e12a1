"""Forks as many processes as it can, and leaves daemons behind that try to outlive the kernel."""
import re
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "processes at once"
# Only a pids cgroup counts refused forks; RLIMIT_NPROC (an ordinary user's bound) refuses them too, uncounted.
COUNTED_BY = "cgroup"
EARNS = "solution"
PROGRAM = '''
import subprocess

_children = []
for _ in range(2000):
    try:
        _children.append(subprocess.Popen(["sleep", "4242"], start_new_session=True))
    except OSError:
        break
print("processes started:", len(_children))
try:
    subprocess.Popen(["sh", "-c", "nohup sleep 4243 >/dev/null 2>&1 &"], start_new_session=True).wait()
except OSError:
    pass
for _child in _children[8:]:  # keep a few alive, so the kernel can work on
    _child.kill()
    _child.wait()


def layer_sizes(X, Y):
    return (X.shape[0], 4, Y.shape[0])
'''


def contained(printed):
    """Fewer than the sandbox's 64 processes, the kernel and its threads among them."""
    return int(re.search(r"processes started: (\d+)", printed).group(1)) < 64
