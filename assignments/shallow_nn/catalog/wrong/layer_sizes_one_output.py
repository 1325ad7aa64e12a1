"""Reads n_x off X but sets n_y = 1 ("the network has one output unit") instead of reading Y."""

FAILS = ["layer_sizes_reads_shapes"]
DIAGNOSIS = ("layer_sizes gives n_y = 1 even when Y has more rows: is n_y written as a number instead of read off "
             "the rows of Y?")
SYMPTOMS = ["entry 3 of layer_sizes's result is the same on every call, whatever the arguments"]


def layer_sizes(X, Y):
    n_x = X.shape[0]
    n_h = 4
    n_y = 1
    return (n_x, n_h, n_y)
