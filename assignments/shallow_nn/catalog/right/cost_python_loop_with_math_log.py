"""Adds up the loss example by example in a Python loop with math.log, then divides by m."""
import math


def compute_cost(A2, Y):
    m = Y.shape[1]
    total = 0.0
    for a, y in zip(A2[0], Y[0]):
        if y == 1:
            total += math.log(a)
        else:
            total += math.log(1 - a)
    cost = -total / m
    return cost
