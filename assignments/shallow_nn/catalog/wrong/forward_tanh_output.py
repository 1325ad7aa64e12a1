"""Uses tanh in the output layer too (A2 = np.tanh(Z2)) instead of the sigmoid."""
import numpy as np

FAILS = ["forward_values", "predict_labels", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = ("A2 in forward_propagation can be negative, so it is not a probability: is the output layer tanh "
             "instead of the sigmoid?")
SYMPTOMS = ["the first value forward_propagation returns and A2 are tanh of Z2, where the sigmoid of Z2 belongs"]


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = np.tanh(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
