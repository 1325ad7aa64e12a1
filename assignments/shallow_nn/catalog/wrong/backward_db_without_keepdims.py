"""Sums db over the examples without keepdims=True, so db1 is 1-D (n_h,) and broadcasts b1 to (n_h, n_h) in the update."""
import numpy as np

FAILS = [
    "backward_shapes",
    "backward_gradient_check",
    "nn_model_hidden_size",
    "nn_model_loop",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("db1 and db2 come out 1-D, not columns, so the update broadcasts b1 into a square: did the sum over "
             "the examples drop its axis?")
SYMPTOMS = ["db1 and db2 are 1-D where a column belongs"]


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
