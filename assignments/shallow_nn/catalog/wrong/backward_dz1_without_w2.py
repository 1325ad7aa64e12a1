"""Leaves W2^T out of dZ1 (dZ1 = dZ2 * (1 - A1**2)); broadcasting the (1, m) dZ2 hides the missing product."""
import numpy as np

FAILS = [
    "backward_gradient_check",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("dW1 and db1 do not depend on W2: is W2 transposed times dZ2 missing from dZ1? Broadcasting lets dZ2 "
             "* (1 - A1**2) run anyway.")
SYMPTOMS = ["dW1 and db1 are what correct code gives with every entry of W2 set to 1"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = dZ2 * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
