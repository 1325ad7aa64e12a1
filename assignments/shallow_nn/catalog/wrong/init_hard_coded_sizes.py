"""Hard-codes the flower's sizes (4 x 2 and 1 x 4) instead of using n_x, n_h and n_y."""
import numpy as np

FAILS = [
    "init_shapes",
    "init_biases_zero",
    "init_weights_small",
    "init_weights_random",
    "nn_model_hidden_size",
]
DIAGNOSIS = ("initialize_parameters makes a 4 x 2 W1 whatever sizes it is given: are the shapes written as numbers"
             " instead of from n_x, n_h and n_y?")
SYMPTOMS = ["W1, W2, b1 and b2 are the same on every call, whatever the arguments, where correct code's change",
            "b1 and b2 are the same on every call, whatever the arguments, where correct code's change",
            "W1 and W2 are not the shape of correct code's",
            "W1 is not the shape of correct code's"]


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(4, 2) * 0.01
    b1 = np.zeros((4, 1))
    W2 = np.random.randn(1, 4) * 0.01
    b2 = np.zeros((1, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
