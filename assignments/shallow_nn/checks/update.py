"""Checks of update_parameters(parameters, grads, learning_rate=1.2) -> parameters."""
import inspect

import numpy as np

from nnkit.checking import call, close, expect, expect_dict, expect_shape
from assignments.shallow_nn.reference import PARAMETER_NAMES, random_parameters, step

DEFAULT_LEARNING_RATE = 1.2


def _case(seed):
    rng = np.random.default_rng(seed)
    parameters = random_parameters(rng, 3, 4, 1)
    grads = {"d" + name: value for name, value in random_parameters(rng, 3, 4, 1).items()}
    return parameters, grads


def _updated(update_parameters, parameters, grads, **learning_rate):
    copies = ({k: v.copy() for k, v in parameters.items()}, {k: v.copy() for k, v in grads.items()})
    updated = expect_dict(call(update_parameters, *copies, **learning_rate), PARAMETER_NAMES,
                          "update_parameters' result")
    return {name: expect_shape(updated[name], parameters[name].shape, f"update_parameters' {name}")
            for name in PARAMETER_NAMES}


def _expect_step(update_parameters, rate, **passed):
    parameters, grads = _case(60)
    _expect_moved(_updated(update_parameters, parameters, grads, **passed), parameters, grads, rate)


def _expect_moved(updated, parameters, grads, rate):
    expected = step(parameters, grads, rate)
    for name in PARAMETER_NAMES:
        expect(close(updated[name], expected[name]),
               f"update_parameters with learning rate {rate}: {name} did not become "
               f"{name} - learning_rate * d{name}, one step down the gradient.")


def steps_against_the_gradient(update_parameters):
    """Each parameter moves by -learning_rate times its own gradient."""
    _expect_step(update_parameters, 0.5, learning_rate=0.5)


def default_learning_rate_is_1_2(update_parameters):
    """Without a learning rate, the step uses the default 1.2."""
    parameters, grads = _case(60)
    updated = _updated(update_parameters, parameters, grads)  # first, so a changed default is diagnosed by its step
    default = inspect.signature(update_parameters).parameters.get("learning_rate")
    expect(default is not None and default.default == DEFAULT_LEARNING_RATE,
           "update_parameters should keep its signature: learning_rate=1.2 as the default.")
    _expect_moved(updated, parameters, grads, DEFAULT_LEARNING_RATE)


def uses_the_learning_rate(update_parameters):
    """Another learning rate gives a step of another length."""
    _expect_step(update_parameters, 0.03, learning_rate=0.03)
