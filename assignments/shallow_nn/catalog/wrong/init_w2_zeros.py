"""Draws W1 at random but starts W2 at zero, like the biases."""
import numpy as np

FAILS = ["init_weights_random"]
DIAGNOSIS = "W2 starts at zero, a constant: is W2 drawn at random like W1? Only the biases start at zero."
SYMPTOMS = ["every entry of W2 is 0, where correct code's differ"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.zeros((n_y, n_h))
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
