"""Data, network and pictures for the deep initialization assignment.

Everything here is given to you: the "circles" data set (made from a fixed seed, so
everyone sees the same rings), an L-layer network with ReLU hidden layers and a
sigmoid output, its training loop, and the plots the notebook draws. The one thing
it does not decide is where training starts: `model` asks the initialization
function you hand it.
"""
import matplotlib.pyplot as plt
import numpy as np

COST_FLOOR = 1e-12  # the cost treats outputs closer than this to 0 or 1 as this close: one example costs at most ~27.6


def load_circles(m=300, noise=0.05, factor=0.8, seed=1):
    """Two noisy concentric rings: returns X of shape (2, m) and Y of shape (1, m).

    Half of the points lie near the circle of radius 1 (label 0), half near the circle
    of radius `factor` inside it (label 1); `noise` is the standard deviation of the
    Gaussian noise added to each coordinate. No straight line separates them.
    Uses its own random generator: it never touches np.random's global state.
    """
    rng = np.random.default_rng(seed)
    outer, inner = m - m // 2, m // 2
    angles = rng.uniform(0, 2 * np.pi, m)
    radius = np.concatenate([np.ones(outer), np.full(inner, factor)])
    X = np.vstack([radius * np.cos(angles), radius * np.sin(angles)]) + rng.normal(0, noise, (2, m))
    Y = np.concatenate([np.zeros(outer, dtype=int), np.ones(inner, dtype=int)]).reshape(1, m)
    order = rng.permutation(m)
    return X[:, order], Y[:, order]


def relu(z):
    """max(0, z), elementwise."""
    return np.maximum(0, z)


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise (no overflow warning for large |z|)."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))


def forward_propagation(X, parameters):
    """Run an L-layer network forward on every example (one example per column of X).

    Hidden layers: Z[l] = W[l] A[l-1] + b[l], A[l] = relu(Z[l]); output layer: A[L] = sigmoid(Z[L]).
    Returns AL, shape (1, m), and a cache holding "A0" ... "AL", "Z1" ... "ZL" and "W1" ... "WL".
    """
    L = len(parameters) // 2
    cache = {"A0": X}
    A = X
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(1, L + 1):
            Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
            A = sigmoid(Z) if l == L else relu(Z)
            cache[f"W{l}"], cache[f"Z{l}"], cache[f"A{l}"] = parameters[f"W{l}"], Z, A
    return A, cache


def compute_cost(AL, Y):
    """Cross-entropy averaged over the m examples; outputs within COST_FLOOR of 0 or 1 count as that close."""
    AL = np.clip(AL, COST_FLOOR, 1 - COST_FLOOR)
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def backward_propagation(X, Y, cache):
    """The gradients of the cost: a dict with "dW1", "db1", ... "dWL", "dbL"."""
    L = sum(1 for key in cache if key.startswith("Z"))
    m = X.shape[1]
    grads = {}
    dZ = cache[f"A{L}"] - Y  # the sigmoid output with cross-entropy
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(L, 0, -1):
            grads[f"dW{l}"] = dZ @ cache[f"A{l - 1}"].T / m
            grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
            if l > 1:
                W = cache[f"W{l}"]
                dZ = (W.T @ dZ) * (cache[f"Z{l - 1}"] > 0)
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent: every W and b moves by -learning_rate times its gradient."""
    return {name: value - learning_rate * grads["d" + name] for name, value in parameters.items()}


def model(X, Y, initialize, layer_dims=(2, 10, 5, 1), learning_rate=0.01, num_iterations=15000, print_cost=False,
          every=1000):
    """Train an L-layer network by gradient descent, starting from initialize(layer_dims).

    Arguments:
    X, Y -- the data, shapes (n[0], m) and (1, m)
    initialize -- an initialization function: initialize(layer_dims) returns "W1", "b1", ... "WL", "bL"
    layer_dims -- the sizes of the layers, the input first: [n[0], n[1], ..., n[L]]
    learning_rate, num_iterations -- for gradient descent
    print_cost -- if True, print the cost every `every` iterations

    Returns:
    parameters -- the trained parameters
    costs -- the cost before the first step and after every `every` iterations
    """
    parameters = initialize(list(layer_dims))
    parameters = {name: np.asarray(value, dtype=float) for name, value in parameters.items()}
    costs = []
    for i in range(num_iterations + 1):
        AL, cache = forward_propagation(X, parameters)
        if i % every == 0:
            costs.append(compute_cost(AL, Y))
            if print_cost:
                print(f"Cost after iteration {i}: {costs[-1]:.4f}")
        if i == num_iterations:
            break
        grads = backward_propagation(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def predict(X, parameters):
    """Label 1 where the network's output is above 0.5, else 0: an int array of shape (1, m)."""
    AL, _ = forward_propagation(X, parameters)
    return (AL > 0.5).astype(int)


def plot_data(X, Y, ax=None):
    """Scatter the points of X coloured by their label in Y."""
    ax = ax or plt.gca()
    ax.scatter(X[0], X[1], c=np.ravel(Y), s=15, cmap=plt.cm.Spectral, edgecolors="k", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal")
    return ax


def plot_decision_boundary(predict_labels, X, Y, ax=None, resolution=0.02):
    """Shade the plane by predict_labels (columns of points -> 0/1), then draw the data on top."""
    ax = ax or plt.gca()
    x_min, x_max = X[0].min() - 0.3, X[0].max() + 0.3
    y_min, y_max = X[1].min() - 0.3, X[1].max() + 0.3
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    labels = np.asarray(predict_labels(grid)).reshape(xx.shape)
    ax.contourf(xx, yy, labels, cmap=plt.cm.Spectral, alpha=0.6)
    return plot_data(X, Y, ax)


def plot_costs(curves, every=1000, ax=None):
    """Plot cost curves: curves maps a label to a list of costs taken every `every` iterations (log scale)."""
    ax = ax or plt.gca()
    for label, costs in curves.items():
        ax.plot(np.arange(len(costs)) * every, costs, marker="o", markersize=3, label=label)
    ax.set_yscale("log")
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.legend()
    return ax
