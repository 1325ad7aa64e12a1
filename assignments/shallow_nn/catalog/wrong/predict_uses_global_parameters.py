"""Renames the first argument to params but runs the notebook's global trained `parameters` instead."""

FAILS = ["predict_labels"]
DIAGNOSIS = ("predict ignores the parameters it is given: does it use the notebook's trained parameters variable "
             "instead of its own argument?")
SYMPTOMS = ["predict's error is what correct code gives on the notebook's global parameters"]


def predict(params, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    return predictions
