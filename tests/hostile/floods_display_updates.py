"""Creates a few small displays, then updates each to 20 million characters (nbclient applies updates in place)."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "display updates"
EARNS = "solution"
PROGRAM = '''
from IPython.display import display

_handles = [display("tiny", display_id=True) for _ in range(8)]
for _handle in _handles:
    _handle.update("U" * 20_000_000)


def layer_sizes(X, Y):
    return (X.shape[0], 4, Y.shape[0])
'''
