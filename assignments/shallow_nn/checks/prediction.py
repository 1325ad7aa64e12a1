"""Checks of predict(parameters, X) -> (1, m) array of 0/1."""
import numpy as np

from nnkit.checking import as_array, call, expect
from assignments.shallow_nn.reference import forward, random_parameters


def _expect_labels(predict, parameters, X, what):
    predictions = as_array(call(predict, parameters, X), "predict's result")
    expected = forward(X, parameters)["A2"] > 0.5
    expect(predictions.shape == expected.shape,
           f"predict returned shape {predictions.shape} for {X.shape[1]} examples; expected {expected.shape}.")
    stray = predictions[~np.isin(predictions, (0, 1))]
    expect(stray.size == 0,
           f"predict returned values other than 0 and 1 (such as {stray[:2]}); "
           "a prediction is a label: 1 where the network's output A2 is above 0.5, else 0.")
    wrong = int(np.sum(predictions != expected))
    expect(wrong == 0, f"predict got {wrong} of {expected.size} {what} wrong; the label is 1 exactly where the "
                       "output A2 (the probability of label 1) is above 0.5.")


def thresholds_the_output_at_one_half(predict):
    """Label 1 exactly where A2 > 0.5, including outputs just either side of 0.5."""
    one_unit = {"W1": np.array([[1.0]]), "b1": np.zeros((1, 1)), "W2": np.array([[1.0]]), "b2": np.zeros((1, 1))}
    # A2 = sigmoid(tanh(x)) sits just below / just above 0.5 for x = -1e-3 / 1e-3
    _expect_labels(predict, one_unit, np.array([[-2.0, -1e-3, 1e-3, 3.0]]), "examples near A2 = 0.5")


def predicts_every_example(predict):
    """One 0/1 label per column of X, for a network and examples it has not seen."""
    rng = np.random.default_rng(80)
    for m in (1, 9):
        _expect_labels(predict, random_parameters(rng, 3, 5, 1), rng.standard_normal((3, m)), "random examples")
