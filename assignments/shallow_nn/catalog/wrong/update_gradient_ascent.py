"""Adds the gradient instead of subtracting it (W = W + learning_rate * dW): gradient ascent."""

FAILS = ["update_step", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = "update_parameters moves up the gradient, so the cost rises: is the step added instead of subtracted?"
SYMPTOMS = ["W1, W2, b1 and b2 are moved by correct code's step reversed, up the gradient"]


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"] + learning_rate * grads["dW1"]
    b1 = parameters["b1"] + learning_rate * grads["db1"]
    W2 = parameters["W2"] + learning_rate * grads["dW2"]
    b2 = parameters["b2"] + learning_rate * grads["db2"]
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
