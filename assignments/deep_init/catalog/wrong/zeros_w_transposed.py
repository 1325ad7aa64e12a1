"""Makes each W[l] of the zero start with its shape transposed, (n[l-1], n[l])."""
import numpy as np

FAILS = ["zeros_shapes", "zeros_all_zero", "experiment_zeros_chance"]
DIAGNOSIS = ("initialize_parameters_zeros makes W[l] of shape (n[l-1], n[l]), transposed: it needs a row per unit "
             "of layer l and a column per unit of layer l-1, so that W[l] A[l-1] works.")
SYMPTOMS = ["W1, W2 and W3 are the transpose of correct code's"]


def initialize_parameters_zeros(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.zeros((layer_dims[l - 1], layer_dims[l]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
