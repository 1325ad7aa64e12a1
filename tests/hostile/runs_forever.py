"""Ignores interrupts and sleeps forever in the middle of the notebook."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "timed out"
# what its own code loses beyond its honest work
LOSES = [
    "cost_is_a_number", "cost_value", "backward_shapes", "backward_gradient_check", "update_step",
    "nn_model_hidden_size", "nn_model_loop", "predict_labels", "experiment_symmetric_start",
    "experiment_large_start", "experiment_small_start"]
EARNS = "solution"
PROGRAM = '''
import signal
import time


def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    try:
        time.sleep(1000)
    except BaseException:
        pass
'''
