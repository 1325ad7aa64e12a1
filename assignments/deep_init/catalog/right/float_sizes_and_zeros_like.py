"""Converts the sizes with int(), zeroes with np.zeros_like, and multiplies the He draws by (2 / n) ** 0.5."""
import numpy as np


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        W = np.empty((int(layer_dims[l]), int(layer_dims[l - 1])))
        parameters["W" + str(l)] = np.zeros_like(W)
        parameters["b" + str(l)] = np.zeros((int(layer_dims[l]), 1))
    return parameters


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = int(layer_dims[l]), int(layer_dims[l - 1])
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * (2 / n_prev) ** 0.5
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters
