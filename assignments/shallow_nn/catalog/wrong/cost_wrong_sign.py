"""Drops the minus sign: returns the mean log-likelihood (negative) instead of the cost."""
import numpy as np

FAILS = ["cost_value"]
DIAGNOSIS = ("compute_cost is negative, the cross-entropy with its sign flipped: is the minus in front of the mean"
             " missing?")
SYMPTOMS = ["compute_cost's result is correct code's with the sign flipped"]


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = np.sum(logprobs) / m
    return float(cost)
