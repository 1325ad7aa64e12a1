"""Keeps only the Y log A2 term of the cross-entropy and drops (1 - Y) log(1 - A2)."""
import numpy as np

FAILS = ["cost_value"]
DIAGNOSIS = ("compute_cost ignores the examples labelled 0: is the (1 - Y) log(1 - A2) term missing from the "
             "cross-entropy?")
SYMPTOMS = ["compute_cost's result is right on the examples labelled 1 and wrong on those labelled 0"]


def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(A2)) / m
    return float(cost)
