"""Takes the tanh slope as 1 - Z1**2, squaring the cached Z1 instead of A1 = tanh(Z1)."""
import numpy as np

FAILS = [
    "backward_gradient_check",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("dZ1 uses 1 - Z1**2, but the slope of tanh is 1 - A1**2, with A1 = tanh(Z1): is Z1 taken from the "
             "cache where A1 belongs?")
SYMPTOMS = ["dW1 and db1 are what correct code gives with Z1 in place of A1"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    Z1 = cache["Z1"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(Z1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
