"""The deep network's math, computed independently of any notebook: what the checks compare against.

Written from the lesson's equations (an L-layer network, ReLU hidden layers, a sigmoid
output, cross-entropy, gradient descent; He and Xavier scales), not from the solution
cells or the given deep_utils.py, so a mistake in either shows up as a disagreement.
"""
import numpy as np

COST_FLOOR = 1e-12  # outputs within this of 0 or 1 count as this close: a confidently wrong example costs ~27.6


def parameter_names(layer_dims):
    """"W1", "b1", ..., "WL", "bL" for layer_dims = [n0, n1, ..., nL]."""
    return [f"{kind}{l}" for l in range(1, len(layer_dims)) for kind in ("W", "b")]


def parameter_shapes(layer_dims):
    """W[l] has shape (n[l], n[l-1]): a row per unit of layer l, a column per unit feeding it; b[l] is (n[l], 1)."""
    shapes = {}
    for l in range(1, len(layer_dims)):
        shapes[f"W{l}"] = (int(layer_dims[l]), int(layer_dims[l - 1]))
        shapes[f"b{l}"] = (int(layer_dims[l]), 1)
    return shapes


def he_scale(n_prev):
    """He: Var(W[l]) = 2 / n[l-1], so the standard deviation of W[l]'s entries is sqrt(2 / n[l-1])."""
    return float(np.sqrt(2.0 / n_prev))


def xavier_scale(n_prev, n=None):
    """Xavier: sqrt(1 / n[l-1]), or Glorot's average of fan-in and fan-out, sqrt(2 / (n[l-1] + n[l]))."""
    return float(np.sqrt(1.0 / n_prev)) if n is None else float(np.sqrt(2.0 / (n_prev + n)))


def start(layer_dims, scale, seed=None):
    """W[l] = standard normal * scale(n[l-1]) (np.random's global stream), b[l] = 0; scale is a number or a function."""
    if seed is not None:
        np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        factor = scale(n_prev) if callable(scale) else scale
        parameters[f"W{l}"] = np.random.standard_normal((n, n_prev)) * factor
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def _layers(parameters):
    return sum(1 for name in parameters if name.startswith("W"))


def forward(X, parameters):
    """Z[l] = W[l] A[l-1] + b[l]; A[l] = max(0, Z[l]) for l < L, A[L] = 1 / (1 + exp(-Z[L])). Returns [A0, ..., AL]
    and [Z1, ..., ZL]."""
    L = _layers(parameters)
    activations, pre = [np.asarray(X, dtype=float)], []
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(1, L + 1):
            Z = parameters[f"W{l}"] @ activations[-1] + parameters[f"b{l}"]
            pre.append(Z)
            activations.append(1.0 / (1.0 + np.exp(-Z)) if l == L else np.where(Z > 0, Z, 0.0))
    return activations, pre


def output(X, parameters):
    return forward(X, parameters)[0][-1]


def cost(AL, Y):
    """Cross-entropy averaged over the m examples, outputs held COST_FLOOR away from 0 and 1."""
    AL = np.minimum(np.maximum(AL, COST_FLOOR), 1 - COST_FLOOR)
    return float(np.sum(-(Y * np.log(AL)) - (1 - Y) * np.log(1 - AL)) / Y.shape[1])


def accuracy(X, Y, parameters):
    """The share of examples on the right side of 0.5."""
    return float(np.mean((output(X, parameters) > 0.5).astype(int) == Y))


def gradients(X, Y, parameters):
    """Backward propagation: dZ[L] = A[L] - Y; dW[l] = dZ[l] A[l-1]^T / m; db[l] = row sums of dZ[l] / m;
    dZ[l-1] = W[l]^T dZ[l] * (Z[l-1] > 0)."""
    activations, pre = forward(X, parameters)
    L, m = len(pre), X.shape[1]
    grads, dZ = {}, activations[-1] - Y
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(L, 0, -1):
            grads[f"W{l}"] = dZ @ activations[l - 1].T / m
            grads[f"b{l}"] = dZ.sum(axis=1, keepdims=True) / m
            if l > 1:
                dZ = (parameters[f"W{l}"].T @ dZ) * (pre[l - 2] > 0)
    return grads


def train(X, Y, parameters, learning_rate, iterations):
    """Plain gradient descent from `parameters` (not changed); returns the trained parameters."""
    parameters = {name: np.array(value, dtype=float) for name, value in parameters.items()}
    for _ in range(iterations):
        grads = gradients(X, Y, parameters)
        parameters = {name: value - learning_rate * grads[name] for name, value in parameters.items()}
    return parameters
