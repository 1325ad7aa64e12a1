"""Scales the weights by the layer size (randn / n_x) instead of 0.01: about 0.5 for the flower's 2 inputs."""
import numpy as np

FAILS = ["init_weights_small"]
DIAGNOSIS = ("W1 and W2 are not small for few inputs (about 0.5 for n_x = 2): is randn divided by the layer size "
             "instead of scaled to about 0.01?")
SYMPTOMS = ["W1 is 50 times correct code's on every call",
            "W2 is 25 times correct code's on every call"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) / n_x
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) / n_h
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
