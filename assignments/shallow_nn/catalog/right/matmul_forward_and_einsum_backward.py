"""Writes forward propagation with np.matmul and backward propagation with np.einsum."""
import numpy as np


def forward_propagation(X, parameters):
    Z1 = np.matmul(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.matmul(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.einsum("ik,jk->ij", dZ2, A1) / m
    db2 = np.einsum("ik->i", dZ2)[:, None] / m
    dZ1 = np.einsum("ji,jk->ik", parameters["W2"], dZ2) * (1 - A1 * A1)
    dW1 = np.einsum("ik,jk->ij", dZ1, X) / m
    db1 = np.einsum("ik->i", dZ1).reshape(-1, 1) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
