"""The lecture's experiment, run on the flower data with the student's training math.

From an all-zero (or any symmetric) start the hidden units stay identical; a large
start (randn * 10) learns slower than a small one (randn * 0.01); the small random
start trains to about 90% accuracy. The starts are fixed here, not the student's
initialize_parameters, so a mistake there costs points in its own cells only.
"""
import numpy as np

from . import call, expect, expect_dict
from ..reference import PARAMETER_NAMES, accuracy, parameters_cost, start

LEARNING_RATE = 1.2
LARGE, SMALL = 10.0, 0.01
SEEDS = range(8)  # single runs from a large start vary; their mean does not
SLOWER_BY = 0.05  # mean cost gap after 500 iterations is ~0.1 for a correct network
TRAINED_ACCURACY = 0.88


def _flower():
    try:
        from planar_utils import load_flower  # the assignment's own data, restored from source/ at grading
    except ImportError:
        raise RuntimeError("planar_utils.py not found: run the checks from the assignment's folder.") from None
    return load_flower()


def _train(parameters, iterations, X, Y, forward_propagation, backward_propagation, update_parameters):
    for _ in range(iterations):
        A2, cache = call(forward_propagation, X, parameters)
        grads = call(backward_propagation, parameters, cache, X, Y)
        parameters = call(update_parameters, parameters, grads, learning_rate=LEARNING_RATE)
    return expect_dict(parameters, PARAMETER_NAMES, "update_parameters' result")


def symmetric_start_keeps_hidden_units_identical(forward_propagation, backward_propagation, update_parameters):
    """From all zeros, or all weights equal, the rows of W1 stay equal through training, and accuracy stays near chance."""
    X, Y = _flower()
    zeros = start(2, 4, 1, weight_scale=0.0)
    constant = {**zeros, "W1": np.full((4, 2), 0.5), "W2": np.full((1, 4), 0.5)}
    trained = {name: _train(parameters, 300, X, Y, forward_propagation, backward_propagation, update_parameters)
               for name, parameters in [("all-zero", zeros), ("all-0.5", constant)]}
    for name, parameters in trained.items():
        W1 = np.asarray(parameters["W1"], dtype=float)
        expect(np.allclose(W1, W1[0]),
               f"After 300 iterations from an {name} start, the rows of W1 differ. Hidden units that start "
               "identical get identical gradients and should stay identical; check that every hidden unit "
               "is computed the same way in forward and backward propagation.")
    score = accuracy(trained["all-zero"], X, Y)
    expect(score <= 0.6, f"From an all-zero start the network reached {score:.0%} accuracy; with every hidden "
                         "unit identical (and here all zero) it should stay near chance (50%).")


def large_start_learns_slower(forward_propagation, backward_propagation, update_parameters):
    """From randn * 10 the cost after 500 iterations is, on average, clearly behind randn * 0.01's."""
    X, Y = _flower()
    mean_cost = {}
    for scale in (SMALL, LARGE):
        costs = [parameters_cost(_train(start(2, 4, 1, scale, seed), 500, X, Y, forward_propagation,
                                        backward_propagation, update_parameters), X, Y) for seed in SEEDS]
        mean_cost[scale] = float(np.mean(costs))
    expect(mean_cost[LARGE] > mean_cost[SMALL] + SLOWER_BY,
           f"After 500 iterations the mean cost was {mean_cost[LARGE]:.3f} from a large start (randn * 10) and "
           f"{mean_cost[SMALL]:.3f} from a small one (randn * 0.01); the large start should be clearly behind: "
           "large weights push tanh onto its flat tails, where its slope, and so the gradient, is near 0.")


def small_random_start_trains(forward_propagation, backward_propagation, update_parameters):
    """From randn * 0.01, 1000 iterations with n_h = 4 reach about 90% training accuracy on the flower."""
    X, Y = _flower()
    trained = _train(start(2, 4, 1, SMALL, seed=3), 1000, X, Y, forward_propagation, backward_propagation,
                     update_parameters)
    score = accuracy({name: np.asarray(trained[name], dtype=float) for name in PARAMETER_NAMES}, X, Y)
    expect(score >= TRAINED_ACCURACY,
           f"From a small random start (randn * 0.01), 1000 iterations of your forward_propagation, "
           f"backward_propagation and update_parameters reached {score:.0%} training accuracy on the flower; "
           f"a correct network gets about 90% (at least {TRAINED_ACCURACY:.0%}).")
