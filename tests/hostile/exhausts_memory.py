"""Asks for far more memory than the machine has, in the notebook and in every call of initialize_parameters."""
THREAT = "exhaust the machine"
BASE = "solution"
REASON = "out of memory"
# what its own code loses beyond its honest work
LOSES = [
    "init_shapes", "init_biases_zero", "init_weights_small", "init_weights_random", "nn_model_hidden_size"]
EARNS = "solution"
PROGRAM = '''
import numpy as np

try:
    _hog = [bytearray(1 << 30) for _ in range(64)]
except MemoryError:
    pass


def initialize_parameters(n_x, n_h, n_y):
    hog = np.ones((1 << 20, 1 << 16))  # 512 GiB
    return {"W1": np.random.randn(n_h, n_x) * 0.01 + hog[0, 0], "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
'''
