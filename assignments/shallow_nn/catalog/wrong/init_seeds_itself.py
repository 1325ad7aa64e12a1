"""Calls np.random.seed(2) inside initialize_parameters, so the caller's seed no longer matters."""
import numpy as np

FAILS = ["init_weights_random"]
DIAGNOSIS = ("W1 and W2 are the same whatever seed the caller sets: does initialize_parameters call np.random.seed"
             " itself?")
SYMPTOMS = ["W1 and W2 are the same on every call, whatever the random state, where correct code's draws change"]


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
