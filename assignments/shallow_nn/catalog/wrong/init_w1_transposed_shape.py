"""Gives W1 the wrong shape, (n_x, n_h) instead of (n_h, n_x), swapping the arguments of randn."""
import numpy as np

FAILS = [
    "init_shapes",
    "init_biases_zero",
    "init_weights_small",
    "init_weights_random",
    "nn_model_hidden_size",
]
DIAGNOSIS = "W1 has shape (n_x, n_h), not (n_h, n_x): are the sizes given to the random draw in the wrong order?"
SYMPTOMS = ["W1 is the transpose of correct code's"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
