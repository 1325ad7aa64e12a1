"""Returns the output probabilities A2 themselves instead of thresholding them into labels."""

FAILS = ["predict_labels"]
DIAGNOSIS = "predict returns probabilities, not 0/1 labels: is A2 compared with 0.5?"
SYMPTOMS = ["predict's result is not all 0 or 1, where correct code's are labels"]


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2
    return predictions
