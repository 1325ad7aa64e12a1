"""Computes He's scale once from the input layer, sqrt(2 / n[0]), and uses it for every layer."""
import numpy as np

FAILS = ["he_scale"]
DIAGNOSIS = ("Every layer uses the input layer's scale, sqrt(2 / n[0]): each layer needs its own, from its own "
             "number of inputs n[l-1].")
SYMPTOMS = ["W2 is 0.5477 times correct code's on every call",
            "W3 is 0.3162 times correct code's on every call"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    scale = np.sqrt(2 / layer_dims[0])
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
