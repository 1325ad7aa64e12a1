"""Draws W1 at random but fills W2 with a small constant (np.full(..., 0.01))."""
import numpy as np

FAILS = ["init_weights_random"]
DIAGNOSIS = ("W1 is random, but every entry of W2 is the same small number: is W2 drawn at random like W1? Only "
             "the biases start at a constant.")
SYMPTOMS = ["every entry of W2 is 0.01, where correct code's differ"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.full((n_y, n_h), 0.01)
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
