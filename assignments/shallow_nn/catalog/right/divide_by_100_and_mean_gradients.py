"""Scales randn by dividing by 100, and averages with np.mean(..., axis=1, keepdims=True) in backward propagation."""
import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) / 100
    b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.randn(n_y, n_h) / 100
    b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def backward_propagation(parameters, cache, X, Y):
    m = Y.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (dZ2 @ A1.T) / m
    db2 = np.mean(dZ2, axis=1, keepdims=True)
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - np.tanh(cache["Z1"]) ** 2)
    dW1 = (dZ1 @ X.T) / m
    db1 = np.mean(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
