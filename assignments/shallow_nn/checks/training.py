"""Checks of nn_model(X, Y, n_h, num_iterations=10000, print_cost=False) -> parameters.

nn_model is graded as a loop over the student's own pieces: it passes if it composes
them right, whatever their values, so a wrong gradient costs points in backward's cells,
not again here. Pieces that crash or return the wrong shapes still stop the loop.
"""
import numpy as np

from nnkit.checking import Returns, by_replay_only, call, close, expect, expect_dict, expect_shape, substituted
from assignments.shallow_nn.reference import PARAMETER_NAMES, parameter_shapes, random_parameters

LEARNING_RATE = 1.2


def _data(seed, n_x=2, m=12):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    return X, (X[:1] > 0).astype(int)


def _trained(nn_model, X, Y, n_h, num_iterations, seed=5):
    np.random.seed(seed)
    parameters = expect_dict(call(nn_model, X, Y, n_h, num_iterations=num_iterations), PARAMETER_NAMES,
                             f"nn_model(..., n_h={n_h}, num_iterations={num_iterations})")
    for name, shape in parameter_shapes(X.shape[0], n_h, Y.shape[0]).items():
        expect_shape(parameters[name], shape, f"nn_model(..., n_h={n_h})['{name}']",
                     " nn_model's layers come from initialize_parameters(n_x, n_h, n_y), with the n_h nn_model is "
                     "given: if initialize_parameters passes its own shape checks, look at how nn_model calls it.")
    return parameters


def uses_the_hidden_layer_size_given(nn_model):
    """The n_h argument sets the number of hidden units (not the 4 of layer_sizes)."""
    X, Y = _data(70, n_x=3)
    for n_h in (2, 7):
        _trained(nn_model, X, Y, n_h, num_iterations=2)


@by_replay_only
def starts_from_initialize_parameters(nn_model):
    """nn_model asks initialize_parameters for (n_x, n_h, n_y); with 0 iterations it returns that start untouched."""
    X, Y = _data(71)
    given = random_parameters(np.random.default_rng(71), 2, 3, 1, scale=0.1)
    recording_start = Returns(given)
    with substituted(nn_model, "initialize_parameters", recording_start):
        start = _trained(nn_model, X, Y, 3, num_iterations=0)
    asked = recording_start.calls
    expect(asked and set(asked) == {(2, 3, 1)},
           f"nn_model(X, Y, n_h=3), with X of shape {X.shape} and Y of shape {Y.shape}, called initialize_parameters "
           f"with {asked or 'nothing'}; it should start from initialize_parameters(n_x, n_h, n_y) = (2, 3, 1).")
    for name in PARAMETER_NAMES:
        expect(close(start[name], given[name]),
               f"nn_model(..., num_iterations=0)['{name}'] is not the start initialize_parameters returned: "
               "with no iterations, nn_model should return its start untouched.")


def _expect_steps(pieces, X, Y, iterations, start, where):
    """nn_model(..., num_iterations=k) equals k steps of the student's own pieces, for each k in `iterations`.

    nn_model starts from `start` (a stand-in for initialize_parameters), so a mistake there is not counted again.
    """
    nn_model, forward_propagation, backward_propagation, update_parameters = pieces
    with substituted(nn_model, "initialize_parameters", start):
        parameters = _trained(nn_model, X, Y, 3, num_iterations=0)
        done = 0
        for count in iterations:
            # nn_model first: the pieces' results, which the kernel could keep, do not exist yet when it runs
            trained = _trained(nn_model, X, Y, 3, num_iterations=count)
            for _ in range(count - done):
                A2, cache = call(forward_propagation, X, parameters)
                grads = call(backward_propagation, parameters, cache, X, Y)
                parameters = expect_dict(call(update_parameters, parameters, grads, learning_rate=LEARNING_RATE),
                                         PARAMETER_NAMES, "update_parameters' result")
            done = count
            expect(all(close(trained[name], parameters[name]) for name in PARAMETER_NAMES),
                   f"nn_model(..., num_iterations={count}) differs from {count} step(s) of your own "
                   "forward_propagation, backward_propagation and update_parameters (learning rate 1.2) "
                   f"from the same start{where}. Each iteration "
                   "should run those three, once, in that order, num_iterations times.")


@by_replay_only
def takes_num_iterations_steps(nn_model, forward_propagation, backward_propagation, update_parameters):
    """Each iteration is forward, backward, update at learning rate 1.2: 3 iterations = 3 such steps."""
    given = random_parameters(np.random.default_rng(72), 2, 3, 1, scale=0.5)
    _expect_steps((nn_model, forward_propagation, backward_propagation, update_parameters), *_data(72), (1, 2, 3),
                  Returns(given), "")


@by_replay_only
def keeps_stepping_where_the_cost_is_flat(nn_model, forward_propagation, backward_propagation, update_parameters):
    """From a saddle, where the first step changes the cost by under 1e-6, nn_model still takes all its steps."""
    X, Y = _data(73)
    # A2 is the mean label everywhere and A1 is 0: only the tiny W2 lets W1 move, slowly at first
    flat_start = {"W1": np.zeros((3, 2)), "b1": np.zeros((3, 1)), "W2": np.full((1, 3), 1e-3),
                  "b2": np.full((1, 1), np.log(Y.mean() / (1 - Y.mean())))}
    _expect_steps((nn_model, forward_propagation, backward_propagation, update_parameters), X, Y, (12,),
                  Returns(flat_start), " (where the cost is nearly flat)")
