"""Coursera style: L = len(layer_dims), range(1, L), 'W' + str(l) keys and shape asserts (no seed inside)."""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)  # number of layers in the network
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        assert parameters['W' + str(l)].shape == (layers_dims[l], layers_dims[l - 1])
    return parameters


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1  # integer representing the number of layers
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        assert parameters['W' + str(l)].shape == (layers_dims[l], layers_dims[l - 1])
        assert parameters['b' + str(l)].shape == (layers_dims[l], 1)
    return parameters
