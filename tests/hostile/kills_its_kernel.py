"""Kills its own kernel in the middle of the notebook."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "kernel died"
# what its own code loses beyond its honest work
LOSES = [
    "update_step", "nn_model_hidden_size", "nn_model_loop", "predict_labels", "experiment_symmetric_start",
    "experiment_large_start", "experiment_small_start"]
EARNS = "solution"
PROGRAM = '''
import os
import signal


def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] - learning_rate * grads["d" + name] for name in parameters}


os.kill(os.getpid(), signal.SIGKILL)
'''
