"""Returns the output probabilities A2 themselves instead of thresholding them into labels."""

FAILS = ["predict_labels"]


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2
    return predictions
