"""Takes m from A2.shape[1] with np.multiply and np.squeeze in the cost, and labels the examples one by one in a loop."""
import numpy as np


def compute_cost(A2, Y):
    m = A2.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    return cost


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = np.zeros((1, X.shape[1]))
    for i in range(A2.shape[1]):
        if A2[0, i] > 0.5:
            predictions[0, i] = 1
    return predictions
