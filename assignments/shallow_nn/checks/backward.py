"""Checks of backward_propagation(parameters, cache, X, Y) -> grads."""
import numpy as np

from nnkit.checking import call, expect, expect_dict, expect_shape, relative_error
from assignments.shallow_nn.reference import PARAMETER_NAMES, forward, numerical_gradients, random_parameters

GRADIENT_NAMES = tuple("d" + name for name in PARAMETER_NAMES)
TOLERANCE = 1e-6  # relative error of a correct gradient against central differences is ~1e-9 here


def _grads(backward_propagation, parameters, X, Y):
    """The student's gradients at these parameters, from a cache made by the reference forward pass."""
    copies = {name: value.copy() for name, value in parameters.items()}
    grads = expect_dict(call(backward_propagation, copies, forward(X, parameters), X, Y), GRADIENT_NAMES,
                        "backward_propagation's result")
    return {name: expect_shape(grads[name], parameters[name[1:]].shape, f"backward_propagation's {name}",
                               f" A gradient has the shape of its parameter {name[1:]}.")
            for name in GRADIENT_NAMES}


def _problem(seed, n_x, n_h, n_y, m):
    rng = np.random.default_rng(seed)
    return random_parameters(rng, n_x, n_h, n_y, scale=0.7), rng.standard_normal((n_x, m)), rng.integers(0, 2, (n_y, m))


def gradients_have_parameter_shapes(backward_propagation):
    """dW1, db1, dW2, db2 have the shapes of W1, b1, W2, b2."""
    for seed, sizes in enumerate([(2, 4, 1, 5), (3, 5, 1, 1), (4, 2, 1, 6)]):
        _grads(backward_propagation, *_problem(40 + seed, *sizes))


def gradients_match_finite_differences(backward_propagation):
    """Every gradient agrees with a finite-difference gradient of the cost (a gradient check)."""
    for seed, sizes in enumerate([(3, 4, 1, 7), (2, 3, 1, 4)]):
        parameters, X, Y = _problem(50 + seed, *sizes)
        grads = _grads(backward_propagation, parameters, X, Y)
        numerical = numerical_gradients(parameters, X, Y)
        for name in GRADIENT_NAMES:
            error = relative_error(grads[name], numerical[name])
            expect(error < TOLERANCE,
                   f"backward_propagation: {name} fails the gradient check (relative error {error:.2g} against "
                   "a finite-difference gradient of the cost). Follow the chain rule from dZ2 = A2 - Y back "
                   "to this parameter, averaging over the m examples.")
