"""Uses the sigmoid in the hidden layer too (A1 = sigmoid(Z1)) instead of tanh."""
import numpy as np

FAILS = ["forward_values", "predict_labels", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = ("A1 in forward_propagation lies between 0 and 1, so the hidden layer is not tanh: is A1 computed with"
             " the sigmoid?")
SYMPTOMS = ["A1 is the sigmoid of Z1, where tanh of Z1 belongs"]


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = sigmoid(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
