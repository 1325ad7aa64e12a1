"""Uses np.ones instead of np.zeros."""
import numpy as np

FAILS = ["zeros_all_zero"]
DIAGNOSIS = "Every entry is 1 (np.ones): the zeros start has every weight and bias at 0 (np.zeros)."
SYMPTOMS = ["W1, W2, W3, b1, b2 and b3 are not zero, where correct code's are all zeros"]


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.ones((layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.ones((layer_dims[l], 1))
    return parameters
