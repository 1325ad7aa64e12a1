"""Sums the loss over the examples but forgets to divide by m."""
import numpy as np

FAILS = ["cost_value"]
DIAGNOSIS = ("compute_cost is m times the cross-entropy, so it grows with the number of examples: is the division "
             "by m missing, or m read off the rows?")


def compute_cost(A2, Y):
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = -np.sum(logprobs)
    return float(cost)
