"""Draws each W[l] with its shape transposed, (n[l-1], n[l])."""
import numpy as np

FAILS = ["he_shapes", "he_biases_zero", "he_scale", "he_random", "experiment_he_trains"]
DIAGNOSIS = ("initialize_parameters_he draws W[l] of shape (n[l-1], n[l]), transposed: it needs a row per unit of "
             "layer l and a column per unit of layer l-1, so that W[l] A[l-1] works.")
SYMPTOMS = ["W1, W2 and W3 are the transpose of correct code's",
            "W1 and W3 are the transpose of correct code's"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
