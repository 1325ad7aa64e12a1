"""Forgets the 1/m in dW1 (dW1 = dZ1 X^T), so that gradient is m times too large."""
import numpy as np

FAILS = ["backward_gradient_check", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = "dW1 is m times too large: is the 1/m missing in backward_propagation?"
SYMPTOMS = ["dW1 is m times correct code's"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
