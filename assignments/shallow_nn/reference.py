"""The network's math, computed independently of any notebook: what the checks compare against.

Written from the lesson's equations, not from the solution cells, so a mistake in the
solution would show up as a disagreement rather than be copied into the grader.
"""
import numpy as np

PARAMETER_NAMES = ("W1", "b1", "W2", "b2")
CACHE_NAMES = ("Z1", "A1", "Z2", "A2")


def parameter_shapes(n_x, n_h, n_y):
    """The shape of each parameter for a network with these layer sizes."""
    return {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}


def random_parameters(rng, n_x, n_h, n_y, scale=1.0):
    """Parameters with every entry (biases too) drawn at this scale: a generic point to test at."""
    return {name: rng.standard_normal(shape) * scale for name, shape in parameter_shapes(n_x, n_h, n_y).items()}


def start(n_x, n_h, n_y, weight_scale, seed=None):
    """A training start: W = randn * weight_scale (np.random's global stream), b = 0."""
    if seed is not None:
        np.random.seed(seed)
    shapes = parameter_shapes(n_x, n_h, n_y)
    return {"W1": np.random.randn(*shapes["W1"]) * weight_scale, "b1": np.zeros(shapes["b1"]),
            "W2": np.random.randn(*shapes["W2"]) * weight_scale, "b2": np.zeros(shapes["b2"])}


def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def forward(X, parameters):
    """Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2)."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": sigmoid(Z2)}


def cost(A2, Y):
    """Cross-entropy averaged over the m examples."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def parameters_cost(parameters, X, Y):
    return cost(forward(X, parameters)["A2"], Y)


def numerical_gradients(parameters, X, Y, eps=1e-6):
    """Central finite differences of the cost, one parameter entry at a time."""
    grads = {}
    for name in PARAMETER_NAMES:
        grad = np.zeros_like(parameters[name], dtype=float)
        for index in np.ndindex(grad.shape):
            shifted = {key: value.astype(float) for key, value in parameters.items()}
            shifted[name][index] += eps
            plus = parameters_cost(shifted, X, Y)
            shifted[name][index] -= 2 * eps
            minus = parameters_cost(shifted, X, Y)
            grad[index] = (plus - minus) / (2 * eps)
        grads["d" + name] = grad
    return grads


def step(parameters, grads, learning_rate):
    """One step of gradient descent."""
    return {name: parameters[name] - learning_rate * grads["d" + name] for name in PARAMETER_NAMES}

