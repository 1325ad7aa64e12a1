"""Writes a numerically stable sigmoid with np.logaddexp, and the tanh slope as (1 - A1) * (1 + A1)."""
import numpy as np


def stable_sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))


def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = stable_sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def backward_propagation(parameters, cache, X, Y):
    m = Y.shape[1]
    A1 = cache["A1"]
    dZ2 = cache["A2"] - Y
    grads = {"dW2": np.dot(dZ2, np.transpose(A1)) * (1 / m),
             "db2": dZ2.sum(axis=1, keepdims=True) * (1 / m)}
    dZ1 = np.dot(np.transpose(parameters["W2"]), dZ2) * (1 - A1) * (1 + A1)
    grads["dW1"] = np.dot(dZ1, np.transpose(X)) * (1 / m)
    grads["db1"] = dZ1.sum(axis=1, keepdims=True) * (1 / m)
    return grads
