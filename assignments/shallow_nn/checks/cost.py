"""Checks of compute_cost(A2, Y) -> float."""
import numpy as np

from nnkit.checking import call, expect
from assignments.shallow_nn.reference import cost

STABILITY_TOLERANCE = 1e-3  # log(A2 + 1e-5) or clipping A2 for numerical stability is fine


def _random_case(rng, m):
    return rng.uniform(0.05, 0.95, (1, m)), rng.integers(0, 2, (1, m))


def returns_a_number(compute_cost):
    """The cost is one number (a float), not an array."""
    A2, Y = _random_case(np.random.default_rng(30), 5)
    J = call(compute_cost, A2, Y)
    number = isinstance(J, (int, float, np.number)) or (isinstance(J, np.ndarray) and J.dtype.kind in "iuf")
    expect(number and not isinstance(J, bool) and np.ndim(J) == 0,
           f"compute_cost returned {type(J).__name__} of shape {np.shape(J)}; expected one number "
           "(a float), the average of the loss over all examples.")


def matches_cross_entropy(compute_cost):
    """J = -(1/m) * sum(Y log A2 + (1 - Y) log(1 - A2)), on labels of both kinds."""
    rng = np.random.default_rng(31)
    for m in (1, 4, 9):
        A2, Y = _random_case(rng, m)
        J = float(np.squeeze(call(compute_cost, A2, Y)))
        expect(np.isclose(J, cost(A2, Y), rtol=STABILITY_TOLERANCE),
               f"compute_cost gave {J:.6g} on {m} random example(s), which is not the cross-entropy there: "
               "J should be minus the mean over the examples of Y log A2 + (1 - Y) log(1 - A2).")


def averages_over_examples(compute_cost):
    """Repeating every example leaves the cost unchanged: it is a mean over the m examples."""
    A2, Y = _random_case(np.random.default_rng(32), 5)
    once = float(np.squeeze(call(compute_cost, A2, Y)))
    twice = float(np.squeeze(call(compute_cost, np.hstack([A2, A2]), np.hstack([Y, Y]))))
    expect(np.isclose(once, twice, rtol=STABILITY_TOLERANCE),
           f"compute_cost changed from {once:.6g} to {twice:.6g} when every example was repeated; "
           "the cost is an average over the m examples, so it should not change.")
