"""Thresholds Z2 (the output before the sigmoid) at 0.5 instead of A2."""

FAILS = ["predict_labels"]
DIAGNOSIS = ("predict's labels change at the wrong place: is it thresholding Z2 (before the sigmoid) instead of "
             "the output A2?")


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = cache["Z2"] > 0.5
    return predictions
