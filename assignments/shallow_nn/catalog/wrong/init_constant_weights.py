"""Starts every weight at the same small constant, np.ones(...) * 0.01, instead of drawing it at random."""
import numpy as np

FAILS = ["init_weights_random"]
DIAGNOSIS = ("Every entry of W1 and W2 is the same small number, so the hidden units compute the same function: "
             "are the weights drawn at random?")
SYMPTOMS = ["every entry of W1 and W2 is 0.01, where correct code's differ"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.ones((n_h, n_x)) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.ones((n_y, n_h)) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
