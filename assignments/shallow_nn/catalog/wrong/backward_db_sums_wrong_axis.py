"""Sums dZ over axis=0 (the units) instead of axis=1 (the examples) for db1 and db2."""
import numpy as np

FAILS = [
    "backward_shapes",
    "backward_gradient_check",
    "nn_model_hidden_size",
    "nn_model_loop",
    "experiment_symmetric_start",
    "experiment_large_start",
]
DIAGNOSIS = ("db1 and db2 in backward_propagation have the wrong shape: is dZ summed over the units instead of "
             "over the m examples?")
SYMPTOMS = ["db1 and db2 are several columns wide where one column belongs"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=0, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=0, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
