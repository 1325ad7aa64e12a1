"""Uses the sigmoid's derivative A1 * (1 - A1) for the hidden layer instead of tanh's 1 - A1**2."""
import numpy as np

FAILS = ["backward_gradient_check", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = "dZ1 uses the sigmoid's slope, but A1 came from tanh: the slope of tanh is 1 - A1**2."


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * A1 * (1 - A1)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads
