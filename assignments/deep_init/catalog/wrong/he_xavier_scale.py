"""Uses Xavier's scale sqrt(1 / n[l-1]) where He's is asked for."""
import numpy as np

FAILS = ["he_scale"]
DIAGNOSIS = ("The weights use Xavier's scale, sqrt(1 / n[l-1]), the one for tanh: for ReLU, He doubles the "
             "variance to make up for the half of its inputs ReLU sets to zero.")
SYMPTOMS = ["W1, W2 and W3 are 0.7071 times correct code's on every call"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(1 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
