"""Keeps the shallow network's 0.01 for every layer instead of a scale per layer."""
import numpy as np

FAILS = ["he_scale", "experiment_he_trains"]
DIAGNOSIS = ("Every layer's weights are scaled by the same 0.01: with depth the activations shrink layer after "
             "layer. He's scale depends on each layer's number of inputs, n[l-1].")
SYMPTOMS = ["W1 is 0.2236 times correct code's on every call",
            "W2 is 0.1225 times correct code's on every call",
            "W3 is 0.07071 times correct code's on every call",
            "W1 is 0.01 times correct code's on every call",
            "W2 is 0.02236 times correct code's on every call",
            "W3 is 0.01581 times correct code's on every call"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
