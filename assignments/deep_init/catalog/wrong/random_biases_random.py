"""Draws the biases at random too, times 10 like the weights."""
import numpy as np

FAILS = ["random_biases_zero"]
DIAGNOSIS = "The biases are random: only the weights are drawn; every b[l] starts at zero."
SYMPTOMS = ["b1, b2 and b3 are not zero, where correct code's are all zeros"]


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.random.randn(layer_dims[l], 1) * 10
    return parameters
