"""Stops the loop one layer short, range(1, L) with L = len(layer_dims) - 1: no WL or bL."""
import numpy as np

FAILS = ["he_shapes", "he_biases_zero", "he_scale", "he_random", "experiment_he_trains"]
DIAGNOSIS = ("The last layer's WL and bL are missing: the loop stops one layer short. With L = len(layer_dims) - 1 "
             "layers, l runs from 1 to L included.")
SYMPTOMS = ["initialize_parameters_he's result is missing the key(s) W3, b3"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
