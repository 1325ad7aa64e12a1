"""Returns the layer sizes as a numpy array, and adds 1e-5 inside the logs of the cost for numerical safety."""
import numpy as np


def layer_sizes(X, Y):
    return np.array([X.shape[0], 4, Y.shape[0]])


def compute_cost(A2, Y):
    m = Y.shape[1]
    epsilon = 1e-5
    cost = -np.sum(Y * np.log(A2 + epsilon) + (1 - Y) * np.log(1 - A2 + epsilon)) / m
    return float(cost)
