"""Computes the cost with np.dot and np.squeeze, and updates the parameters in place in a loop over the keys."""
import numpy as np


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)
    cost = np.squeeze(-logprobs / m)
    return cost


def update_parameters(parameters, grads, learning_rate=1.2):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
