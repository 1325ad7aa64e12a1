"""Kills its own kernel in the middle of the notebook."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "kernel died"
PROGRAM = '''
import os
import signal


def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] - learning_rate * grads["d" + name] for name in parameters}


os.kill(os.getpid(), signal.SIGKILL)
'''
