"""Draws one random row of weights and broadcasts it to every hidden unit: W1 is random but its rows are equal."""
import numpy as np

FAILS = ["init_weights_random"]
DIAGNOSIS = ("The rows of W1 are random but all equal, so every hidden unit computes the same function: is one row"
             " drawn and repeated, not the whole W1?")
SYMPTOMS = ["every row of W1 is the same, where correct code's differ"]


def initialize_parameters(n_x, n_h, n_y):
    w = np.random.randn(n_x) * 0.01
    W1 = np.ones((n_h, n_x)) * w
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
