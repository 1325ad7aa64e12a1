"""Updates W1 and W2 but returns b1 and b2 unchanged."""

FAILS = ["update_step"]
DIAGNOSIS = ("update_parameters leaves b1 and b2 where they were: are the biases stepped down their gradients db1 "
             "and db2 too?")
SYMPTOMS = ["b2 is returned as given, where correct code's take a step",
            "b1 is what correct code gives with db1 set to 0"]


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    parameters = {"W1": W1, "b1": parameters["b1"], "W2": W2, "b2": parameters["b2"]}
    return parameters
