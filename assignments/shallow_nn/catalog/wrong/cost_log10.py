"""Takes base-10 logarithms (np.log10) in the cross-entropy instead of natural ones."""
import numpy as np

FAILS = ["cost_value"]
DIAGNOSIS = ("compute_cost is the cross-entropy divided by about 2.3 (ln 10): are the logs taken in base 10 "
             "instead of the natural log?")
SYMPTOMS = ["compute_cost's result is 0.4343 times correct code's on every call"]


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)
    cost = -np.sum(logprobs) / m
    return float(cost)
