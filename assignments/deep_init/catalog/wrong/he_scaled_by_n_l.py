"""He scaled by the layer's own size n[l] instead of its number of inputs n[l-1]."""
import numpy as np

FAILS = ["he_scale"]
DIAGNOSIS = ("Each W[l] is scaled by its own layer's size n[l]: He's scale uses n[l-1], the number of inputs each "
             "unit of layer l adds up (layer_dims[l - 1]).")
SYMPTOMS = ["W1 and W3 are 1.826 times correct code's on every call",
            "W2 is 1.732 times correct code's on every call"]


def initialize_parameters_he(layer_dims):
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
