"""Uses the mean squared error (1/2m) sum (A2 - Y)^2 instead of the cross-entropy."""
import numpy as np

FAILS = ["cost_value"]
DIAGNOSIS = ("compute_cost is not the cross-entropy (it stays below 1/2 however wrong A2 is): is it a squared "
             "error instead of the log loss?")


def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = np.sum((A2 - Y) ** 2) / (2 * m)
    return float(cost)
