"""Forgets the biases in forward propagation: Z1 = W1 X and Z2 = W2 A1, no + b."""
import numpy as np

FAILS = ["forward_values", "predict_labels", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = "Z1 and Z2 in forward_propagation do not depend on b1 and b2: are the biases added?"
SYMPTOMS = ["Z1 is short of exactly b1 on every call",
            "A1 and Z1 are what correct code gives with b1 set to 0"]


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    Z1 = np.dot(W1, X)
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1)
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
