"""The experiment, recomputed by the grader: the student's starts, trained by the grader's own network.

Each check asks the student's initialization function for a start on the notebook's
network ([2, 10, 5, 1], ReLU, ReLU, sigmoid), right after np.random.seed, then measures and
trains it with assignments.deep_init.reference (forward pass, cost, gradient descent), not with anything
the notebook defines: a mistake costs points here only through the start it makes. The
training is short (a larger learning rate than the lecture's, so it takes a fraction of a
second); a correct He start reaches about 97% on the circles with it.
"""
import numpy as np

from nnkit.checking import expect
from assignments.deep_init import reference
from .initialization import _initialize

LAYER_DIMS = [2, 10, 5, 1]
LEARNING_RATE, ITERATIONS = 0.1, 2000
SEEDS = (1, 2, 3)  # a start depends on its draw: the checks judge the mean over a few
CHANCE = 0.6  # at most this accuracy is "no better than chance" on the balanced circles
TRAINED = 0.9  # a He start's mean accuracy after training is at least this (correct code: 97%)
HUGE_COST = 5.0  # a start whose mean cost is at least this is "huge" (He starts near 0.7-0.9; randn * 10 near 13)


def _circles():
    try:
        from deep_utils import load_circles  # the assignment's own data, restored from source/ at grading
    except ImportError:
        raise RuntimeError("deep_utils.py not found: run the checks from the assignment's folder.") from None
    return load_circles()


def _trained_accuracies(function, X, Y):
    return [reference.accuracy(X, Y, reference.train(X, Y, _initialize(function, LAYER_DIMS, seed), LEARNING_RATE,
                                                     ITERATIONS)) for seed in SEEDS]


def zeros_start_stays_at_chance(initialize_parameters_zeros):
    """Trained from the zeros start, the units of each layer stay identical and the accuracy stays near chance."""
    X, Y = _circles()
    start = _initialize(initialize_parameters_zeros, LAYER_DIMS, seed=0)
    trained = reference.train(X, Y, start, LEARNING_RATE, ITERATIONS)
    for l in range(1, len(LAYER_DIMS) - 1):
        W = trained[f"W{l}"]
        expect(np.allclose(W, W[0]),
               f"Trained for {ITERATIONS} iterations from your initialize_parameters_zeros({LAYER_DIMS}), the units "
               f"of layer {l} differ (the rows of W{l} are not all equal). From an all-zero start every unit of a "
               "layer computes the same function and gets the same gradient, so they should stay identical.")
    score = reference.accuracy(X, Y, trained)
    expect(score <= CHANCE,
           f"Trained for {ITERATIONS} iterations from your initialize_parameters_zeros({LAYER_DIMS}), the network "
           f"reached {score:.0%} training accuracy on the circles; from all zeros it should stay near chance (50%): "
           "with identical units, and ReLU passing no gradient back through zero weights, nothing but the output's "
           "bias can move.")


def large_start_costs_much_more(initialize_parameters_random):
    """Before any training, the large start's mean cost on the circles is huge (at least 5; a He start's is below 1)."""
    X, Y = _circles()
    costs = [reference.cost(reference.output(X, _initialize(initialize_parameters_random, LAYER_DIMS, seed)), Y)
             for seed in SEEDS]
    he = np.mean([reference.cost(reference.output(X, reference.start(LAYER_DIMS, reference.he_scale, seed)), Y)
                  for seed in SEEDS])
    expect(np.mean(costs) >= HUGE_COST,
           f"Before training, the network started by your initialize_parameters_random({LAYER_DIMS}) has a mean "
           f"cost of {np.mean(costs):.3g} on the circles (a He start: {he:.3g}). The large start should begin with a "
           "huge cost: weights around 10 make z grow layer after layer until the sigmoid answers 0 or 1 with full "
           "confidence, and wrong half of the time.")


def he_start_trains(initialize_parameters_he):
    """From the He start, short training reaches at least 90% mean training accuracy on the circles."""
    X, Y = _circles()
    scores = _trained_accuracies(initialize_parameters_he, X, Y)
    expect(np.mean(scores) >= TRAINED,
           f"Trained for {ITERATIONS} iterations (learning rate {LEARNING_RATE}) from your "
           f"initialize_parameters_he({LAYER_DIMS}), the network reached {np.mean(scores):.0%} mean training accuracy "
           f"on the circles over {len(SEEDS)} seeds; a He start gets there to at least {TRAINED:.0%}. A start too "
           "small for the depth makes the activations, and the gradients, vanish layer after layer.")
