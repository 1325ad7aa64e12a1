"""Loops over zip(layer_dims, layer_dims[1:]) with enumerate, and draws with np.random.standard_normal."""
import numpy as np


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:]), start=1):
        parameters["W%d" % l] = np.zeros((n, n_prev))
        parameters["b%d" % l] = np.zeros((n, 1))
    return parameters


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:]), start=1):
        parameters["W%d" % l] = np.random.standard_normal((n, n_prev)) * 10
        parameters["b%d" % l] = np.zeros((n, 1))
    return parameters


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims, layer_dims[1:]), start=1):
        parameters["W%d" % l] = np.random.standard_normal((n, n_prev)) * np.sqrt(2.0 / n_prev)
        parameters["b%d" % l] = np.zeros((n, 1))
    return parameters
