"""Draws np.random.rand (uniform on [0, 1), all positive) times 10 instead of randn."""
import numpy as np

FAILS = ["random_large"]
DIAGNOSIS = ("The weights come from np.random.rand, uniform on [0, 1) and all positive: the large start draws "
             "standard normal values (np.random.randn), centred on 0, times 10.")
SYMPTOMS = ["W1 and W2 are never negative, where correct code's take both signs"]


def initialize_parameters_random(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
