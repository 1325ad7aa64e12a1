"""Computes A2 right but stores Z1 under "A1" in the cache, so backward propagation gets the wrong activations."""
import numpy as np

FAILS = [
    "forward_values",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("cache['A1'] holds Z1, the values before tanh: is Z1 stored where A1 belongs in forward_propagation's"
             " cache?")
SYMPTOMS = ["A1 is Z1 itself, where tanh of Z1 belongs"]


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": Z1, "Z2": Z2, "A2": A2}
    return A2, cache
