"""Prints 20 million characters, then a hundred thousand lines."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "output"
EARNS = "solution"
PROGRAM = '''
print("x" * 20_000_000)
for _line in range(100_000):
    print(_line)


def layer_sizes(X, Y):
    return (X.shape[0], 4, Y.shape[0])
'''
