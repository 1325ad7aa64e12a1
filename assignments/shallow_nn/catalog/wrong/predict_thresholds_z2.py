"""Thresholds Z2 (the output before the sigmoid) at 0.5 instead of A2."""

FAILS = ["predict_labels"]
DIAGNOSIS = ("predict's labels change at the wrong place, not where A2 crosses 0.5: is the threshold 0.5 taken on "
             "the output A2 (not on Z2, before the sigmoid, nor at another number)?")


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = cache["Z2"] > 0.5
    return predictions
