"""Draws a flat np.random.standard_normal vector, reshapes it into W, scales it by 0.02, and builds b with np.zeros_like."""
import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.standard_normal(n_h * n_x).reshape(n_h, n_x) * 0.02
    W2 = np.random.standard_normal(n_y * n_h).reshape(n_y, n_h) * 0.02
    b1 = np.zeros_like(W1[:, :1])
    b2 = np.zeros_like(W2[:, :1])
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
