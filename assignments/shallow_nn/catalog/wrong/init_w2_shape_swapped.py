"""Gives W2 the shape (n_h, n_y) instead of (n_y, n_h): a column of weights for the output unit."""
import numpy as np

FAILS = [
    "init_shapes",
    "init_biases_zero",
    "init_weights_small",
    "init_weights_random",
    "nn_model_hidden_size",
]
DIAGNOSIS = ("W2 has shape (n_h, n_y), not (n_y, n_h), so W2 A1 cannot be formed: are the sizes given to the "
             "random draw of W2 in the wrong order?")
SYMPTOMS = ["W2 is the transpose of correct code's"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
