"""Draws the biases at random with He's scale, like the weights."""
import numpy as np

FAILS = ["he_biases_zero"]
DIAGNOSIS = "The biases are drawn at random: He starts every b[l] at zero (np.zeros((n[l], 1)))."
SYMPTOMS = ["b1, b2 and b3 are not zero, where correct code's are all zeros"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = np.sqrt(2 / layer_dims[l - 1])
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.random.randn(layer_dims[l], 1) * scale
    return parameters
