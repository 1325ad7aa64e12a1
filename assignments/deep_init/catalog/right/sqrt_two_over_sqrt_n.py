"""Writes He's scale as np.sqrt(2) / np.sqrt(n[l-1]), and the large start with np.multiply."""
import numpy as np


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.multiply(np.random.randn(layer_dims[l], layer_dims[l - 1]), 10)
        parameters["b" + str(l)] = np.zeros(shape=(layer_dims[l], 1))
    return parameters


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros(shape=(layer_dims[l], 1))
    return parameters
