"""Makes the biases 1-D (b1 = np.zeros(n_h)), shape (n_h,) instead of the column (n_h, 1)."""
import numpy as np

FAILS = [
    "init_shapes",
    "init_biases_zero",
    "init_weights_small",
    "init_weights_random",
    "nn_model_hidden_size",
]
DIAGNOSIS = ("b1 and b2 are 1-D, not columns of shape (n_h, 1) and (n_y, 1): is the shape given to np.zeros a "
             "single number?")
SYMPTOMS = ["b1 and b2 are 1-D where a column belongs"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(n_y)
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
