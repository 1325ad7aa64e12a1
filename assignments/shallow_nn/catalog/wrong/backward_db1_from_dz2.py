"""Copies the db2 line for db1 and sums dZ2 instead of dZ1, so db1 is (1, 1) and broadcasts into b1."""
import numpy as np

FAILS = ["backward_shapes", "backward_gradient_check"]
DIAGNOSIS = "db1 has shape (1, 1), not b1's (n_h, 1): is db1 summed from dZ2 instead of dZ1?"
SYMPTOMS = ["db1 is not the shape of correct code's"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ2, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
