"""Reads the sizes with np.shape, builds nn_model on layer_sizes with a while loop, and predicts with np.round."""
import numpy as np


def layer_sizes(X, Y):
    n_x = np.shape(X)[0]
    n_y = np.shape(Y)[0]
    return n_x, 4, n_y


def update_parameters(parameters, grads, learning_rate=1.2):
    new_parameters = {}
    for name in ["W1", "b1", "W2", "b2"]:
        new_parameters[name] = parameters[name] - learning_rate * grads["d" + name]
    return new_parameters


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    sizes = layer_sizes(X, Y)
    parameters = initialize_parameters(sizes[0], n_h, sizes[2])
    i = 0
    while i < num_iterations:
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
        i += 1
    return parameters


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return np.round(A2)
