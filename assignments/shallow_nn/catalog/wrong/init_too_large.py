"""Draws the weights with np.random.randn but forgets the * 0.01, so they start too large."""
import numpy as np

FAILS = ["init_weights_small"]
DIAGNOSIS = ("W1 and W2 are typically about 1 in size, not small: is the scaling of the random draw (about 0.01) "
             "missing?")
SYMPTOMS = ["W1 and W2 are 100 times correct code's on every call"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
