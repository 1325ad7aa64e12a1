"""Reads m as Y.shape[0], the number of output units (1), so the sum is never averaged."""
import numpy as np

FAILS = ["cost_value"]
DIAGNOSIS = ("compute_cost is m times the cross-entropy, so it grows with the number of examples: is the division "
             "by m missing, or m read off the rows?")


def compute_cost(A2, Y):
    m = Y.shape[0]
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = -np.sum(logprobs) / m
    return float(cost)
