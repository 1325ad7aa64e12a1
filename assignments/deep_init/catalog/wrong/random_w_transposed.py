"""Draws each W[l] of the large start with its shape transposed, (n[l-1], n[l])."""
import numpy as np

FAILS = ["random_shapes", "random_biases_zero", "random_large", "random_is_random", "experiment_large_cost"]
DIAGNOSIS = ("initialize_parameters_random draws W[l] of shape (n[l-1], n[l]), transposed: it needs a row per unit "
             "of layer l and a column per unit of layer l-1, so that W[l] A[l-1] works.")
SYMPTOMS = ["W1, W2 and W3 are the transpose of correct code's",
            "W1 and W3 are the transpose of correct code's"]


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 10
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
