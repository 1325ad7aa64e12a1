"""Hard-codes the step size 1.2 in the update instead of using the learning_rate argument."""

FAILS = ["update_step"]
DIAGNOSIS = "update_parameters takes the same step whatever learning_rate it is given: is the step size hard-coded?"
SYMPTOMS = ["W1, W2, b1 and b2 are the same on every call, whatever the arguments, where correct code's change"]


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"] - 1.2 * grads["dW1"]
    b1 = parameters["b1"] - 1.2 * grads["db1"]
    W2 = parameters["W2"] - 1.2 * grads["dW2"]
    b2 = parameters["b2"] - 1.2 * grads["db2"]
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
