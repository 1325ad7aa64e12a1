"""Changes the default learning rate in the signature to 0.01, so nn_model's steps are 120 times too short."""

FAILS = ["update_step", "nn_model_loop", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = ("update_parameters steps right when given a learning_rate, but its default is not 1.2: was the "
             "default in the signature changed?")
SYMPTOMS = ["W1, W2 and b1 are moved 0.008333 times as far as correct code's"]


def update_parameters(parameters, grads, learning_rate=0.01):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
