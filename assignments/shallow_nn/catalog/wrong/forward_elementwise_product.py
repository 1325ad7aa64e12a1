"""Multiplies W1 * X elementwise instead of the matrix product W1 X, which numpy cannot broadcast."""
import numpy as np

FAILS = [
    "forward_shapes_and_cache",
    "forward_values",
    "predict_labels",
    "nn_model_hidden_size",
    "nn_model_loop",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("forward_propagation fails with a broadcasting error: is W1 multiplied by X elementwise (*) instead "
             "of as a matrix product?")
SYMPTOMS = ["forward_propagation raises where correct code returns"]


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = W1 * X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 * A1 + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
