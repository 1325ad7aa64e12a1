"""Divides the output by its sum over all examples (a softmax over the batch) instead of applying the sigmoid."""
import numpy as np

FAILS = [
    "forward_values",
    "predict_labels",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("A2 sums to 1 over the examples, so each output depends on the others: is the output normalized over "
             "the batch instead of a sigmoid?")
SYMPTOMS = ["the first value forward_propagation returns and A2 are normalised over the examples"]


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = np.exp(Z2) / np.sum(np.exp(Z2))
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
