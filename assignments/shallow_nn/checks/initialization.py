"""Checks of initialize_parameters(n_x, n_h, n_y): the right shapes, b at zero, W small and random.

Nothing here compares the student's draws to fixed numbers: any draw of small random
weights passes (randn * 0.01, np.random.normal(0, 0.01, size), randn / 100, ...).
"""
import numpy as np

from nnkit.checking import call, expect, expect_dict, expect_shape
from assignments.shallow_nn.reference import PARAMETER_NAMES, parameter_shapes

SIZES = [(2, 4, 1), (3, 7, 2), (5, 1, 1)]
MEASURED = [(2, 4, 1), (40, 50, 3)]  # the flower's network, and a wide one: "small" must hold for both
DRAWS = 30  # draws pooled per size, so the typical size of W is measured reliably even for a 4 x 2 W1
SHAPE_HINT = " A layer's W has a row per unit of the layer and a column per unit feeding it; its b, one row per unit."
SMALL_SCALE = 0.15  # a root-mean-square |W| above this is not "small" (0.01 and 0.05 pass, 1 fails)


def _initialize(initialize_parameters, sizes, seed):
    np.random.seed(seed)
    parameters = expect_dict(call(initialize_parameters, *sizes), PARAMETER_NAMES,
                             f"initialize_parameters{sizes}")
    for name, shape in parameter_shapes(*sizes).items():
        expect_shape(parameters[name], shape, f"initialize_parameters{sizes}['{name}']", SHAPE_HINT)
    return {name: np.asarray(parameters[name], dtype=float) for name in PARAMETER_NAMES}


def parameters_have_layer_shapes(initialize_parameters):
    """W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1), for any layer sizes."""
    for sizes in SIZES:
        _initialize(initialize_parameters, sizes, seed=1)


def biases_start_at_zero(initialize_parameters):
    """b1 and b2 are zero: a random W already breaks the symmetry, so b need not."""
    for sizes in SIZES:
        parameters = _initialize(initialize_parameters, sizes, seed=2)
        for name in ("b1", "b2"):
            expect(not np.any(parameters[name]),
                   f"initialize_parameters{sizes}['{name}'] has nonzero entries (largest |{name}| = "
                   f"{np.abs(parameters[name]).max():.3g}); the biases should start at zero: "
                   "the random W already breaks the symmetry.")


def weights_are_small(initialize_parameters):
    """W1 and W2 are small for any layer sizes, so tanh and sigmoid start on their steep middle."""
    for sizes in MEASURED:
        draws = [_initialize(initialize_parameters, sizes, seed) for seed in range(DRAWS)]
        for name in ("W1", "W2"):
            spread = float(np.sqrt(np.mean([draw[name] ** 2 for draw in draws])))
            expect(spread <= SMALL_SCALE,
                   f"initialize_parameters{sizes}: the entries of {name} are typically {spread:.3g} in size; small "
                   "means on the scale of 0.01. Large weights make |Z| large, where tanh and sigmoid are flat "
                   "and their slope is near 0, so gradient descent learns very slowly.")


def weights_change_with_seed(initialize_parameters):
    """W depends on np.random's seed: it is drawn at random, and the function does not seed itself."""
    first, second = (_initialize(initialize_parameters, (3, 4, 1), seed) for seed in (10, 11))
    for name in ("W1", "W2"):
        expect(not np.array_equal(first[name], second[name]),
               f"initialize_parameters returned the same {name} under np.random.seed(10) and np.random.seed(11). "
               "W should be drawn from np.random (the caller sets the seed; the function should not).")


def weights_reproducible_under_seed(initialize_parameters):
    """The same np.random seed gives the same W, so experiments can be repeated."""
    first, second = (_initialize(initialize_parameters, (3, 4, 1), seed=12) for _ in range(2))
    for name in ("W1", "W2"):
        expect(np.array_equal(first[name], second[name]),
               f"initialize_parameters returned a different {name} after the same np.random.seed(12). "
               "Draw W from np.random's global generator, so that np.random.seed makes it reproducible.")


def hidden_units_differ(initialize_parameters):
    """No two rows of W1 are equal: each hidden unit starts as a different function."""
    W1 = _initialize(initialize_parameters, (3, 6, 1), seed=13)["W1"]
    for i in range(len(W1)):
        for j in range(i):
            expect(not np.allclose(W1[i], W1[j]),
                   f"initialize_parameters: rows {j} and {i} of W1 are identical, so hidden units {j} and {i} "
                   "compute the same function, get the same gradient and stay identical through training "
                   "(the symmetry problem). W1 must be random.")


def weights_are_not_constant(initialize_parameters):
    """W1 and W2 each hold different values, not one number repeated."""
    parameters = _initialize(initialize_parameters, (3, 6, 2), seed=14)
    why = {"W1": "A constant W1 is symmetric: every hidden unit computes the same function.",
           "W2": "Draw W2 at random too, like W1: only the biases start at a constant (zero)."}
    for name in ("W1", "W2"):
        expect(np.ptp(parameters[name]) > 0,
               f"initialize_parameters: every entry of {name} is {parameters[name].flat[0]:.3g}. {why[name]}")
