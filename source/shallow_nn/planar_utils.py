"""Data and pictures for the shallow network assignment.

Everything here is given to you: the flower data set, made from a fixed seed so that
everyone sees the same flower, and the plots the notebook draws.
"""
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
import numpy as np


def load_flower(m=400, petals=4, noise=0.2, seed=1):
    """A planar two-class "flower": returns X of shape (2, m) and Y of shape (1, m).

    Half of the points are red (label 0) and half blue (label 1); each class fills
    every other petal, so no straight line separates them.
    Uses its own random generator: it never touches np.random's global state.
    """
    rng = np.random.default_rng(seed)
    per_class = m // 2
    X = np.zeros((2, 2 * per_class))
    Y = np.zeros((1, 2 * per_class), dtype=int)
    for label in (0, 1):
        columns = slice(label * per_class, (label + 1) * per_class)
        theta = np.linspace(label * 3.12, (label + 1) * 3.12, per_class)
        theta = theta + rng.standard_normal(per_class) * noise
        radius = petals * np.sin(4 * theta) + rng.standard_normal(per_class) * noise
        X[:, columns] = np.vstack([radius * np.sin(theta), radius * np.cos(theta)])
        Y[:, columns] = label
    return X, Y


LABELS = ListedColormap(["tab:red", "tab:blue"])  # label 0 red, label 1 blue: points and regions alike


def plot_data(X, Y, ax=None):
    """Scatter the points of X coloured by their label in Y: red for 0, blue for 1."""
    ax = ax or plt.gca()
    ax.scatter(X[0], X[1], c=Y.ravel(), s=15, cmap=LABELS, vmin=0, vmax=1, edgecolors="k", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def plot_decision_boundary(predict_labels, X, Y, ax=None, resolution=0.05):
    """Shade the plane by predict_labels (columns of points -> 0/1) in the labels' colours, then draw the data on top."""
    ax = ax or plt.gca()
    x_min, x_max = X[0].min() - 1, X[0].max() + 1
    y_min, y_max = X[1].min() - 1, X[1].max() + 1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    labels = np.asarray(predict_labels(grid)).reshape(xx.shape)
    ax.contourf(xx, yy, labels, levels=[-0.5, 0.5, 1.5], cmap=LABELS, alpha=0.25)
    return plot_data(X, Y, ax)


STARTS = ["tab:purple", "tab:green", "tab:orange", "tab:gray"]  # one colour per start, in the order given


def plot_cost_curves(curves, iterations, ax=None):
    """Plot cost curves on a log scale, so that a large start's first costs fit beside a small start's last ones:
    curves maps a label to a list of runs, each a list of costs at the given iterations."""
    ax = ax or plt.gca()
    for order, (colour, (label, runs)) in enumerate(zip(STARTS, curves.items())):
        for i, costs in enumerate(runs):  # the first label on top, dashed: it may lie exactly on another
            ax.plot(iterations, costs, color=colour, alpha=0.8, marker=".", linestyle="--" if order == 0 else "-",
                    zorder=len(curves) - order, label=label if i == 0 else None)
    ax.set_yscale("log")
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J (log scale)")
    ax.legend()
    return ax


def plot_slopes(slopes, ax=None):
    """Histograms of tanh's slope 1 - a^2 over every hidden unit and example: slopes maps a label to an array."""
    ax = ax or plt.gca()
    for colour, (label, values) in zip(STARTS[1:], slopes.items()):
        ax.hist(np.ravel(values), bins=np.linspace(0, 1, 41), color=colour, alpha=0.7, label=label)
    ax.set_xlabel("slope of tanh at the start, 1 - (a[1])^2")
    ax.set_ylabel("hidden units x examples")
    ax.legend()
    return ax
