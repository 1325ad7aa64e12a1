"""He with the square root forgotten: weights times 2 / n[l-1]."""
import numpy as np

FAILS = ["he_scale"]
DIAGNOSIS = ("The weights are scaled by 2 / n[l-1], the variance He asks for, not by its square root: "
             "randn draws have standard deviation 1, so multiply them by the standard deviation you want.")
SYMPTOMS = ["W1 is 0.04472 times correct code's on every call",
            "W2 is 0.08165 times correct code's on every call",
            "W3 is 0.1414 times correct code's on every call"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * (2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
