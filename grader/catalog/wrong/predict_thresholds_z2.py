"""Thresholds Z2 (the output before the sigmoid) at 0.5 instead of A2."""

FAILS = ["predict_labels"]


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = cache["Z2"] > 0.5
    return predictions
