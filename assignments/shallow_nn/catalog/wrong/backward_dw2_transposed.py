"""Computes dW2 as A1 dZ2^T, the transpose of dZ2 A1^T, so it has the shape (n_h, 1) instead of W2's (1, n_h)."""
import numpy as np

FAILS = [
    "backward_shapes",
    "backward_gradient_check",
    "nn_model_hidden_size",
    "nn_model_loop",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = "dW2 has shape (n_h, n_y), the transpose of W2's: is the product for dW2 taken in the wrong order?"
SYMPTOMS = ["dW2 is the transpose of correct code's"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(A1, dZ2.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
