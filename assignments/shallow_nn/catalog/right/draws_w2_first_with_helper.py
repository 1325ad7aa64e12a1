"""Uses a small helper to draw each layer, drawing W2 before W1, and returns predict's labels as a bool array via np.greater."""
import numpy as np


def small_random(rows, cols):
    return np.random.randn(rows, cols) * 0.01


def initialize_parameters(n_x, n_h, n_y):
    W2 = small_random(n_y, n_h)
    W1 = small_random(n_h, n_x)
    parameters = {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
    return parameters


def predict(parameters, X):
    A2 = forward_propagation(X, parameters)[0]
    return np.greater(A2, 0.5)
