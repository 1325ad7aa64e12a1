"""Starts at randn * 0.05 and writes the output sigmoid as 0.5 * (1 + tanh(z / 2)) inside forward propagation."""
import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.05
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.05
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = W1.dot(X) + b1
    A1 = np.tanh(Z1)
    Z2 = W2.dot(A1) + b2
    A2 = 0.5 * (1 + np.tanh(Z2 / 2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
