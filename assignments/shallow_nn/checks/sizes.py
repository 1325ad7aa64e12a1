"""Checks of layer_sizes(X, Y) -> (n_x, n_h, n_y)."""
import numpy as np

from nnkit.checking import call, expect

HIDDEN_UNITS = 4


def sizes_come_from_the_data(layer_sizes):
    """n_x and n_y are read off X and Y (rows, not columns); n_h is 4."""
    rng = np.random.default_rng(7)
    shapes = [(5, 2, 3), (3, 1, 11), (1, 3, 2)]
    # every call made before any is judged, so that a mistake's diagnosis sees how the sizes vary with X and Y
    returned = [call(layer_sizes, rng.standard_normal((n_x, m)), rng.integers(0, 2, (n_y, m)))
                for n_x, n_y, m in shapes]
    for (n_x, n_y, m), sizes in zip(shapes, returned):
        expect(np.shape(sizes) == (3,), f"layer_sizes should return three numbers (n_x, n_h, n_y); got {sizes!r}.")
        expected = (n_x, HIDDEN_UNITS, n_y)
        expect(tuple(float(size) for size in sizes) == expected,  # whole numbers: 4.99 is not 4
               f"layer_sizes for X of shape {(n_x, m)} and Y of shape {(n_y, m)} returned {tuple(sizes)}; "
               f"expected {expected}. Each column is one example, so a layer's size is a number of rows.")
