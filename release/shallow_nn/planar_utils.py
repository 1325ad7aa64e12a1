"""Data and pictures for the shallow network assignment.

Everything here is given to you: the flower data set, made from a fixed seed so that
everyone sees the same flower, and the plots the notebook draws.
"""
import matplotlib.pyplot as plt
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


def plot_data(X, Y, ax=None):
    """Scatter the points of X coloured by their label in Y."""
    ax = ax or plt.gca()
    ax.scatter(X[0], X[1], c=Y.ravel(), s=15, cmap=plt.cm.Spectral, edgecolors="k", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def plot_decision_boundary(predict_labels, X, Y, ax=None, resolution=0.05):
    """Shade the plane by predict_labels (columns of points -> 0/1), then draw the data on top."""
    ax = ax or plt.gca()
    x_min, x_max = X[0].min() - 1, X[0].max() + 1
    y_min, y_max = X[1].min() - 1, X[1].max() + 1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    labels = np.asarray(predict_labels(grid)).reshape(xx.shape)
    ax.contourf(xx, yy, labels, cmap=plt.cm.Spectral, alpha=0.6)
    return plot_data(X, Y, ax)


def plot_cost_curves(curves, every, ax=None):
    """Plot cost curves: curves maps a label to a list of runs, each a list of costs taken every `every` iterations."""
    ax = ax or plt.gca()
    for colour, (label, runs) in zip(["tab:blue", "tab:orange", "tab:green", "tab:red"], curves.items()):
        for i, costs in enumerate(runs):
            iterations = np.arange(len(costs)) * every
            ax.plot(iterations, costs, color=colour, alpha=0.7, label=label if i == 0 else None)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.legend()
    return ax
