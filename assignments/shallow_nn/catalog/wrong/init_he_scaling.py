"""Uses the He scaling for deep ReLU networks, randn * sqrt(2 / n_x), instead of a small constant."""
import numpy as np

FAILS = ["init_weights_small"]
DIAGNOSIS = ("W1 and W2 are not small when a layer has few inputs (about 1 for n_x = 2): is the draw scaled by "
             "sqrt(2 / n) instead of a small constant like 0.01?")
SYMPTOMS = ["W1 is 100 times correct code's on every call",
            "W2 is 70.71 times correct code's on every call"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * np.sqrt(2 / n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * np.sqrt(2 / n_h)
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
