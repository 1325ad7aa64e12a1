"""Stops the chain rule at W2^T dZ2: dZ1 leaves out the slope of tanh altogether."""
import numpy as np

FAILS = [
    "backward_gradient_check",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = "dZ1 is W2 transposed times dZ2 with no slope of tanh: is the factor 1 - A1**2 missing from dZ1?"
SYMPTOMS = ["dW1 and db1 are what correct code gives with A1 set to 0"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
