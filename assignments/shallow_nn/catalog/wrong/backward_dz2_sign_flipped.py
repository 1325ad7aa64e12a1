"""Writes dZ2 = Y - A2 instead of A2 - Y, so every gradient points the wrong way."""
import numpy as np

FAILS = ["backward_gradient_check", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = "Every gradient from backward_propagation has the wrong sign: is dZ2 written as Y - A2 instead of A2 - Y?"
SYMPTOMS = ["dW1, dW2, db1 and db2 are correct code's with the sign flipped"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = Y - A2
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
