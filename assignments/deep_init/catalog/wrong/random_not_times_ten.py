"""Draws np.random.randn without multiplying by 10."""
import numpy as np

FAILS = ["random_large", "experiment_large_cost"]
DIAGNOSIS = ("The weights are standard normal draws, typically about 1 in size: the large start multiplies "
             "them by 10.")
SYMPTOMS = ["W1, W2 and W3 are 0.1 times correct code's on every call"]


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
