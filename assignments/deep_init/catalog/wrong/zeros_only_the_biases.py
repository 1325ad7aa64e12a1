"""Copied from He and zeroed only the biases: the weights are still random."""
import numpy as np

FAILS = ["zeros_all_zero", "experiment_zeros_chance"]
DIAGNOSIS = ("The weights are random: in the zeros start W[l] is zero too (np.zeros((n[l], n[l-1]))), "
             "not only the biases.")
SYMPTOMS = ["W1, W2 and W3 are not zero, where correct code's are all zeros"]


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
