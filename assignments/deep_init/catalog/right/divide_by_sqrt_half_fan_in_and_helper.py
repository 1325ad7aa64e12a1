"""Divides by np.sqrt(n[l-1] / 2) for He, and shares one helper for the layer shapes."""
import numpy as np


def layer_shapes(layer_dims):
    return [((n, n_prev), (n, 1)) for n_prev, n in zip(layer_dims[:-1], layer_dims[1:])]


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l, (w_shape, b_shape) in enumerate(layer_shapes(layer_dims), 1):
        parameters["W" + str(l)], parameters["b" + str(l)] = np.zeros(w_shape), np.zeros(b_shape)
    return parameters


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l, (w_shape, b_shape) in enumerate(layer_shapes(layer_dims), 1):
        parameters["W" + str(l)] = np.random.randn(*w_shape) / np.sqrt(w_shape[1] / 2)
        parameters["b" + str(l)] = np.zeros(b_shape)
    return parameters
