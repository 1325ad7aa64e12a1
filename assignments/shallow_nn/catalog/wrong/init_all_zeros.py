"""Starts every weight at zero (np.zeros for W1 and W2 as well as for the biases)."""
import numpy as np

FAILS = ["init_weights_random"]
DIAGNOSIS = ("W1 and W2 start at zero, so every hidden unit computes the same function and stays so: are the "
             "weights drawn at random?")
SYMPTOMS = ["every entry of W1 and W2 is 0, where correct code's differ"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.zeros((n_h, n_x))
    b1 = np.zeros((n_h, 1))
    W2 = np.zeros((n_y, n_h))
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
