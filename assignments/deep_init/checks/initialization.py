"""Checks of the three initializations of an L-layer network, each taking layer_dims = [n0, n1, ..., nL].

Every function returns "W1", "b1", ..., "WL", "bL" with W[l] of shape (n[l], n[l-1]) and
b[l] of shape (n[l], 1). Nothing here compares a student's random draws to fixed numbers:
scales are measured statistically on wide layers (any way of drawing N(0, sqrt(2 / n[l-1])^2)
passes), and randomness is judged by how the draws change with np.random's seed.
Every call is made right after np.random.seed, so the diagnosis can replay it exactly.
"""
import numpy as np

from nnkit.checking import call, expect, expect_dict, expect_shape
from assignments.deep_init.reference import he_scale, parameter_names, parameter_shapes

SIZES = [[2, 10, 5, 1], [3, 1], [4, 6, 6, 6, 2], [1, 3, 2]]  # one layer, several, equal and unequal widths
WIDE = [1000, 300, 100, 30]  # enough entries per W to measure its scale within a few percent
SCALE_TOLERANCE = 0.10  # measured / expected spread may be off by 10%; Xavier is off by 29%, n[l] for n[l-1] by 45%+
LARGE = 10.0  # the "large" start of the lesson: randn * 10
LARGE_RANGE = (7.0, 13.0)  # a typical |W| outside this is not "about 10" (randn * 1, randn * 100 fail)
SHAPE_HINT = (" W[l] has a row per unit of layer l and a column per unit of layer l-1; b[l], one row per unit "
              "of layer l.")


def _initialize(function, layer_dims, seed):
    """function(layer_dims) right after np.random.seed(seed), checked for every layer's keys and shapes."""
    np.random.seed(seed)
    what = f"{function.__name__}({layer_dims})"
    parameters = call(function, list(layer_dims))
    expect(isinstance(parameters, dict), f"{what} should return a dict; got {type(parameters).__name__}.")
    names = parameter_names(layer_dims)
    missing = [name for name in names if name not in parameters]
    L = len(layer_dims) - 1
    expect(not missing,
           f"{what} is missing the key(s) {', '.join(missing)} (it has {', '.join(map(str, parameters)) or 'none'}). "
           f"An L-layer network with layer_dims of length {len(layer_dims)} has L = {L} layers, each with its own W "
           f"and b, numbered 1 to {L}: the input layer has none.")
    extra = [str(name) for name in parameters if name not in names]
    expect(not extra,
           f"{what} has the key(s) {', '.join(extra)} beyond W1, b1 to W{L}, b{L}: with layer_dims of length "
           f"{len(layer_dims)} there are L = {L} layers. Start each call from a new, empty dict.")
    for name, shape in parameter_shapes(layer_dims).items():
        expect_shape(parameters[name], shape, f"{what}['{name}']", SHAPE_HINT)
    return {name: np.asarray(parameters[name], dtype=float) for name in names}


def _layer_shapes(function):
    for layer_dims in SIZES:
        _initialize(function, layer_dims, seed=1)


def _biases_zero(function):
    for layer_dims in SIZES:
        parameters = _initialize(function, layer_dims, seed=2)
        for l in range(1, len(layer_dims)):
            b = parameters[f"b{l}"]
            expect(not np.any(b), f"{function.__name__}({layer_dims})['b{l}'] has nonzero entries (largest |b{l}| = "
                                  f"{np.abs(b).max():.3g}); the biases should start at zero: random weights already "
                                  "make the units of a layer differ, so the biases need not.")


def _change_with_seed(function):
    first, second = (_initialize(function, [3, 4, 4, 1], seed) for seed in (10, 11))
    for l in (1, 2, 3):
        expect(not np.array_equal(first[f"W{l}"], second[f"W{l}"]),
               f"{function.__name__} returned the same W{l} under np.random.seed(10) and np.random.seed(11). "
               "W should be drawn from np.random, and the caller sets the seed (the function should not).")


def _reproducible(function):
    first, second = (_initialize(function, [3, 4, 4, 1], seed=12) for _ in range(2))
    for l in (1, 2, 3):
        expect(np.array_equal(first[f"W{l}"], second[f"W{l}"]),
               f"{function.__name__} returned a different W{l} after the same np.random.seed(12). Draw W from "
               "np.random's global generator, so that np.random.seed makes a run repeatable.")


def _rows_differ(function):
    layer_dims = [3, 6, 6, 1]
    parameters = _initialize(function, layer_dims, seed=13)
    for l in (1, 2):
        W = parameters[f"W{l}"]
        for i in range(len(W)):
            for j in range(i):
                expect(not np.allclose(W[i], W[j]),
                       f"{function.__name__}({layer_dims}): rows {j} and {i} of W{l} are identical, so units {j} and "
                       f"{i} of layer {l} compute the same function, get the same gradient and stay identical through "
                       "training (the symmetry problem). W must be random.")


def _spread(W):
    return float(np.sqrt(np.mean(W ** 2)))


# initialize_parameters_zeros

def zeros_have_layer_shapes(initialize_parameters_zeros):
    """W1 ... WL and b1 ... bL, each of its layer's shape, for any list of layer sizes."""
    _layer_shapes(initialize_parameters_zeros)


def zeros_are_all_zero(initialize_parameters_zeros):
    """Every entry of every W and b is exactly 0."""
    for layer_dims in SIZES:
        parameters = _initialize(initialize_parameters_zeros, layer_dims, seed=3)
        for name, value in parameters.items():
            expect(not np.any(value),
                   f"initialize_parameters_zeros({layer_dims})['{name}'] has nonzero entries (largest |{name}| = "
                   f"{np.abs(value).max():.3g}); this start is the symmetric one of the lecture: every weight and "
                   "every bias exactly 0.")


# initialize_parameters_random

def random_biases_start_at_zero(initialize_parameters_random):
    _biases_zero(initialize_parameters_random)


def random_weights_are_large(initialize_parameters_random):
    """Every layer's W is typically about 10 in size, whatever the layer's width: the lesson's large start."""
    for layer_dims in ([2, 10, 5, 1], [60, 40, 30, 1]):
        draws = [_initialize(initialize_parameters_random, layer_dims, seed) for seed in range(20, 25)]
        for l in range(1, len(layer_dims)):
            spread = _spread(np.concatenate([draw[f"W{l}"].ravel() for draw in draws]))
            expect(LARGE_RANGE[0] <= spread <= LARGE_RANGE[1],
                   f"initialize_parameters_random({layer_dims}): the entries of W{l} are typically {spread:.3g} in "
                   f"size; this start is meant to be large, standard normal draws scaled to about {LARGE:g}, so the "
                   "experiment can show what a too-large start does to a deep network.")


def random_weights_change_with_seed(initialize_parameters_random):
    _change_with_seed(initialize_parameters_random)


def random_reproducible_under_seed(initialize_parameters_random):
    _reproducible(initialize_parameters_random)


def random_units_differ(initialize_parameters_random):
    _rows_differ(initialize_parameters_random)


# initialize_parameters_he

def he_has_layer_shapes(initialize_parameters_he):
    """W1 ... WL and b1 ... bL, each of its layer's shape, for any list of layer sizes."""
    _layer_shapes(initialize_parameters_he)


def he_biases_start_at_zero(initialize_parameters_he):
    _biases_zero(initialize_parameters_he)


def he_scale_matches_fan_in(initialize_parameters_he):
    """On wide layers, each W[l]'s measured spread is sqrt(2 / n[l-1]) within 10%, layer by layer."""
    parameters = _initialize(initialize_parameters_he, WIDE, seed=4)
    for l in range(1, len(WIDE)):
        W = parameters[f"W{l}"]
        spread, expected = _spread(W), he_scale(WIDE[l - 1])
        expect(abs(float(np.mean(W))) < 0.1 * expected,
               f"initialize_parameters_he({WIDE}): the entries of W{l} average {np.mean(W):.3g}, far from 0; He draws "
               "them centred on 0, as many negative as positive.")
        expect(abs(spread / expected - 1) <= SCALE_TOLERANCE,
               f"initialize_parameters_he({WIDE}): the entries of W{l} ({W.shape[0]} x {W.shape[1]}) are typically "
               f"{spread:.3g} in size (their root mean square), {spread / expected:.2f} times He's scale for this "
               f"layer. He's scale is set layer by layer by the number of inputs each unit of layer {l} adds up "
               f"(n[{l - 1}] = {WIDE[l - 1]} here) and by ReLU zeroing about half of them, so that z[{l}] stays about "
               "as large as the layer before it and activations neither shrink nor grow with depth.")


def he_weights_change_with_seed(initialize_parameters_he):
    _change_with_seed(initialize_parameters_he)


def he_reproducible_under_seed(initialize_parameters_he):
    _reproducible(initialize_parameters_he)


def he_units_differ(initialize_parameters_he):
    _rows_differ(initialize_parameters_he)
