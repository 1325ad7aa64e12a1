"""Loops over range(len(layer_dims) - 1) and names the layers from 0: keys W0 ... W(L-1)."""
import numpy as np

FAILS = ["he_shapes", "he_biases_zero", "he_scale", "he_random", "experiment_he_trains"]
DIAGNOSIS = ("The layers are numbered from 0 (W0, b0, ...): the input layer has no parameters, so the keys run "
             "from W1, b1 to WL, bL.")
SYMPTOMS = ["initialize_parameters_he's result is missing the key(s) W3, b3 and has W0, b0 instead"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(len(layer_dims) - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l + 1], layer_dims[l]) * np.sqrt(2 / layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l + 1], 1))
    return parameters
