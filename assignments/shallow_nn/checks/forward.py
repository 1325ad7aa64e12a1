"""Checks of forward_propagation(X, parameters) -> (A2, cache)."""
import numpy as np

from nnkit.checking import call, close, expect, expect_dict, expect_shape
from assignments.shallow_nn.reference import CACHE_NAMES, forward, random_parameters

ACTIVATION_HINT = {
    "Z1": "Z1 = W1 X + b1.",
    "A1": "the hidden layer applies tanh to Z1.",
    "Z2": "Z2 = W2 A1 + b2, from the hidden layer's activations A1.",
    "A2": "the output layer applies the sigmoid to Z2.",
}


def _run(forward_propagation, X, parameters):
    """The student's (A2, cache), checked for form and shape against the reference."""
    result = call(forward_propagation, X, {name: value.copy() for name, value in parameters.items()})
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           f"forward_propagation should return the pair (A2, cache); got {type(result).__name__}.")
    A2, cache = result
    expect_dict(cache, CACHE_NAMES, "forward_propagation's cache")
    expected = forward(X, parameters)
    expect_shape(A2, expected["A2"].shape, "forward_propagation's A2", " One column per example.")
    for name in CACHE_NAMES:
        expect_shape(cache[name], expected[name].shape, f"forward_propagation's cache['{name}']",
                     " A row per unit of the layer, a column per example.")
    expect(close(A2, cache["A2"]), "forward_propagation: the A2 it returns differs from cache['A2'].")
    return np.asarray(A2, dtype=float), cache, expected


def returns_output_and_cache(forward_propagation):
    """A2 has shape (1, m); the cache holds Z1, A1, Z2 and A2 with the layers' shapes."""
    rng = np.random.default_rng(20)
    for n_x, n_h, n_y, m in [(2, 4, 1, 5), (3, 5, 1, 1), (4, 2, 1, 7)]:  # n_y = 1: A2 is (1, m) as documented
        _run(forward_propagation, rng.standard_normal((n_x, m)), random_parameters(rng, n_x, n_h, n_y))


def matches_the_equations(forward_propagation):
    """Every cached value equals Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2)."""
    rng = np.random.default_rng(21)
    for n_x, n_h, n_y, m in [(3, 4, 1, 6), (2, 3, 1, 9)]:
        _, cache, expected = _run(forward_propagation, rng.standard_normal((n_x, m)),
                                  random_parameters(rng, n_x, n_h, n_y))
        for name in CACHE_NAMES:
            expect(close(cache[name], expected[name]),
                   f"forward_propagation: cache['{name}'] differs from the lesson's equations at random "
                   f"inputs; remember that {ACTIVATION_HINT[name]}")


def examples_are_independent(forward_propagation):
    """Column j of A2 depends only on column j of X: the m examples go through the network side by side."""
    rng = np.random.default_rng(22)
    parameters = random_parameters(rng, 3, 4, 1)
    X = rng.standard_normal((3, 8))
    A2, _, _ = _run(forward_propagation, X, parameters)
    order = rng.permutation(8)
    shuffled, _, _ = _run(forward_propagation, X[:, order], parameters)
    alone, _, _ = _run(forward_propagation, X[:, :1], parameters)
    expect(close(shuffled, A2[:, order]) and close(alone, A2[:, :1]),
           "forward_propagation: an example's output changes when the other examples change or are reordered. "
           "Each column of X is one example; the vectorized equations treat every column the same way, alone.")
