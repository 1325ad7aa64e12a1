"""Writes the cost with np.dot(Y, np.log(A2)) and no transpose, which crashes for more than one example."""
import numpy as np

FAILS = ["cost_is_a_number", "cost_value"]
DIAGNOSIS = ("compute_cost raises for more than one example: np.dot of two (1, m) arrays does not line up. "
             "Is a transpose missing, or would an elementwise product and a sum do?")
SYMPTOMS = ["compute_cost raises where correct code returns"]


def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A2)) + np.dot(1 - Y, np.log(1 - A2))) / m
    return float(np.squeeze(cost))
