"""Draws the weights with np.random.rand (uniform on [0, 1)) and forgets to scale them down."""
import numpy as np

FAILS = ["init_weights_small"]
DIAGNOSIS = ("W1 and W2 are all positive and typically about 0.5, not small: is np.random.rand used without "
             "scaling it down to about 0.01?")
SYMPTOMS = ["W1 is never negative, where correct code's take both signs"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.rand(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.rand(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
