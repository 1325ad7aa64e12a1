"""Computes the cost with np.dot and returns the (1, 1) array it makes instead of one number."""
import numpy as np

FAILS = ["cost_is_a_number"]
DIAGNOSIS = ("compute_cost returns a (1, 1) array, not one number: does the result of the matrix product still "
             "need turning into a float?")
SYMPTOMS = ["compute_cost's result is an array of shape"]


def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
    return cost
