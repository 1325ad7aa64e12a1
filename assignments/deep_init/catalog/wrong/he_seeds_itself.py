"""Calls np.random.seed(3) inside the function, as some published notebooks do."""
import numpy as np

FAILS = ["he_random"]
DIAGNOSIS = ("initialize_parameters_he sets the seed itself (np.random.seed inside the function), so every call "
             "draws the same weights whatever the caller chose: leave the seed to the caller.")
SYMPTOMS = ["W1, W2 and W3 are the same on every call, whatever the random state"]


def initialize_parameters_he(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
