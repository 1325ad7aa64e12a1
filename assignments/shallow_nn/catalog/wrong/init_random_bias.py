"""Draws the bias at random too (b = np.random.randn(...) * 0.01), like the weights."""
import numpy as np

FAILS = ["init_biases_zero"]
DIAGNOSIS = ("b1 and b2 start nonzero: are the biases drawn at random like the weights? Random W already breaks "
             "the symmetry, so b starts at zero.")
SYMPTOMS = ["b1 and b2 are not zero, where correct code's are all zeros"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.random.randn(n_h, 1) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.random.randn(n_y, 1) * 0.01
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
