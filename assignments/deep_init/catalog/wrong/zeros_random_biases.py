"""Starts the weights at zero but draws the biases at random."""
import numpy as np

FAILS = ["zeros_all_zero", "experiment_zeros_chance"]
DIAGNOSIS = "The biases are random: in the zeros start every b[l] is zero too (np.zeros((n[l], 1)))."
SYMPTOMS = ["b1, b2 and b3 are not zero, where correct code's are all zeros"]


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.zeros((layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.random.randn(layer_dims[l], 1)
    return parameters
