"""Draws with np.random.normal(0, scale, size) and builds the zeros with a dict comprehension."""
import numpy as np


def initialize_parameters_zeros(layer_dims):
    return {key: value for l in range(1, len(layer_dims))
            for key, value in ((f"W{l}", np.zeros((layer_dims[l], layer_dims[l - 1]))),
                               (f"b{l}", np.zeros((layer_dims[l], 1))))}


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.normal(0, 10, size=(layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.normal(0, np.sqrt(2 / n_prev), size=(n, n_prev))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
