"""Kills its own kernel in the middle of the notebook."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "kernel died"
PROGRAM = '''
import os
import signal


def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


os.kill(os.getpid(), signal.SIGKILL)
'''
