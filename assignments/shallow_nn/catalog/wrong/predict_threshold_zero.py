"""Thresholds A2 at 0 instead of 0.5, as if it were Z2: every example is labelled 1."""

FAILS = ["predict_labels"]
DIAGNOSIS = ("predict labels every example 1: A2 is a probability, always above 0, so is it compared with 0 "
             "instead of 0.5?")
SYMPTOMS = ["predict's result labels every example 1, where correct code's labels differ"]


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0
    return predictions
