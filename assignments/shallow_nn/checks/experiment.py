"""The lecture's experiment, recomputed as the notebook runs it: the student's nn_model on the flower.

Each run is the student's nn_model, called once for the experiment's 500 iterations from a start
the grader gives it (the notebook's train_from resumes it in chunks to draw the curves; from the
same start a correct nn_model ends in the same place either way, and one call is one round trip
to the sandbox instead of eleven). From an
all-zero start, or a symmetric one that is not zero, the hidden units stay identical: four
units that are one; a large start (randn * 10) learns slower than a small one (randn * 0.01); the small
random start trains to about 90% accuracy. The starts are fixed here, not the student's
initialize_parameters, so a mistake there costs points in its own cells only. Each
check asks at least what the idea needs on runs of its own, and measures accuracy with the
reference network, not the student's forward pass; the notebook's visible asserts, graded
too, ask the same of the notebook's own runs, and tanh's slope at the start. They name no
likely mistake: replaying 500 steps per run through the catalog costs a round trip to the
sandbox per step, and nn_model's own cells name its mistakes.
"""
import numpy as np

from nnkit.checking import Returns, StandIn, call, expect, expect_dict, substituted, undiagnosed
from assignments.shallow_nn.reference import PARAMETER_NAMES, forward, start

ITERATIONS = 500  # as in the notebook's experiment
SEEDS = range(4)  # as in the notebook; single runs from a large start vary, their mean does not
LARGE, SMALL = 10.0, 0.01
SLOWER_BY = 0.05  # a correct network's mean accuracy is 91% from the small start, 77% from the large one
TRAINED_ACCURACY = 0.88
CHANCE = 0.6


class RandomStart(StandIn):
    """Called as initialize_parameters(n_x, n_h, n_y): W = randn * scale from np.random's global stream, b = 0."""

    LARGEST = 1000  # units per layer: the checks ask for a few; the student's code must not make the grader draw more

    def __init__(self, scale):
        super().__init__()
        self.scale = scale

    def result(self, n_x, n_h, n_y):
        sizes = (n_x, n_h, n_y)
        if not all(isinstance(n, (int, np.integer)) and 0 < n <= self.LARGEST for n in sizes):
            raise ValueError(f"initialize_parameters{sizes}: the grader's start has layers of 1 to {self.LARGEST} "
                             "units")
        return start(n_x, n_h, n_y, self.scale)


def _flower():
    try:
        from planar_utils import load_flower  # the assignment's own data, restored from source/ at grading
    except ImportError:
        raise RuntimeError("planar_utils.py not found: run the checks from the assignment's folder.") from None
    return load_flower()


def _trained(nn_model, first, X, Y, seed=0):
    """Seeded as the notebook's train_from, ITERATIONS of nn_model from the stand-in start `first`. Weights that
    blow up fail here, saying so."""
    np.random.seed(seed)
    with substituted(nn_model, "initialize_parameters", first):
        parameters = expect_dict(call(nn_model, X, Y, 4, num_iterations=ITERATIONS), PARAMETER_NAMES,
                                 "nn_model's result")
    blown = [name for name in PARAMETER_NAMES if not np.all(np.isfinite(np.asarray(parameters[name], dtype=float)))]
    expect(not blown, f"Training with your nn_model on the flower, {', '.join(blown)} became NaN or infinite: training "
                      "diverged, which correct forward and backward propagation do not do. Check the gradients "
                      "(the gradient check above) and the forward pass.")
    return parameters


def _accuracy(parameters, X, Y):
    """The share of examples the trained network puts on the right side of 0.5, computed here, not by the
    student's forward_propagation: that saw the flower's labels in nn_model's calls, and could answer with them."""
    A2 = forward(X, {name: np.asarray(parameters[name], dtype=float) for name in PARAMETER_NAMES})["A2"]
    return float(np.mean((A2 > 0.5) == Y))


def _mean_accuracy(nn_model, scale, X, Y):
    return float(np.mean([_accuracy(_trained(nn_model, RandomStart(scale), X, Y, seed), X, Y)
                          for seed in SEEDS]))


@undiagnosed
def symmetric_start_keeps_hidden_units_identical(nn_model):
    """From all zeros, or a symmetric start that is not zero, the rows of W1 stay equal; from the nonzero one they
    move while b1's entries stay equal too (four units that are one); from zeros, accuracy stays near chance."""
    X, Y = _flower()
    row = np.array([[0.0176, 0.004]])  # one small row for every hidden unit, as the notebook's symmetric_start draws
    symmetric = Returns({**start(2, 4, 1, 0.0), "W1": np.repeat(row, 4, axis=0), "W2": np.full((1, 4), 0.01)})
    trained = {"all-zero": _trained(nn_model, RandomStart(0.0), X, Y), "symmetric": _trained(nn_model, symmetric, X, Y)}
    for name, parameters in trained.items():
        W1 = np.asarray(parameters["W1"], dtype=float)
        expect(np.allclose(W1, W1[0]),
               f"After {ITERATIONS} iterations of nn_model from a {name} start, the rows of W1 differ. Hidden units "
               "that start identical get identical gradients and should stay identical; check that every hidden "
               "unit is computed the same way in forward and backward propagation.")
    # Symmetric, yet trained: from the nonzero start the hidden units stay equal but W1 moves (from zeros nothing
    # need move: the flower's labels are balanced, so even b2's gradient is 0 there).
    expect(not np.allclose(np.asarray(trained["symmetric"]["W1"], dtype=float), symmetric.value["W1"]),
           f"After {ITERATIONS} iterations of nn_model from a symmetric start that is not zero, W1 has not moved: "
           "training should change the weights even while the hidden units stay identical.")
    b1 = np.asarray(trained["symmetric"]["b1"], dtype=float)
    expect(np.allclose(b1, b1.flat[0]),
           f"After {ITERATIONS} iterations of nn_model from a symmetric start that is not zero, the entries of b1 "
           "differ: hidden units that start identical get identical bias gradients too, so four of them stay one unit "
           "written four times; check db1 in backward_propagation.")
    score = _accuracy(trained["all-zero"], X, Y)
    expect(score <= CHANCE, f"From an all-zero start your nn_model reached {score:.0%} accuracy; with every hidden "
                            "unit identical (and here all zero) it should stay near chance (50%).")


@undiagnosed
def large_start_learns_slower(nn_model):
    """After 500 iterations from randn * 10, the mean accuracy over 4 seeds is clearly behind randn * 0.01's."""
    X, Y = _flower()
    small, large = (_mean_accuracy(nn_model, scale, X, Y) for scale in (SMALL, LARGE))
    expect(small > CHANCE,  # else "slower" compares two runs that learned nothing
           f"After {ITERATIONS} iterations of your nn_model from a small start (randn * 0.01) the mean accuracy was "
           f"{small:.0%}, near chance: training did not learn, so it cannot show a large start learning slower.")
    expect(large < small - SLOWER_BY,
           f"After {ITERATIONS} iterations of your nn_model the mean accuracy was {large:.0%} from a large start "
           f"(randn * 10) and {small:.0%} from a small one (randn * 0.01); the large start should be clearly behind: "
           "large weights push tanh onto its flat tails, where its slope, and so the gradient, is near 0.")


@undiagnosed
def small_random_start_trains(nn_model):
    """From randn * 0.01, 500 iterations with n_h = 4 reach about 90% mean training accuracy on the flower."""
    X, Y = _flower()
    score = _mean_accuracy(nn_model, SMALL, X, Y)
    expect(score >= TRAINED_ACCURACY,
           f"From a small random start (randn * 0.01), {ITERATIONS} iterations of your nn_model reached {score:.0%} "
           f"mean training accuracy on the flower; a correct network gets about 90% (at least {TRAINED_ACCURACY:.0%}).")
