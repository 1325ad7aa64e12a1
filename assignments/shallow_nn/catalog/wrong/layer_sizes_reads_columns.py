"""Reads n_x and n_y off the columns (X.shape[1]), which is the number of examples m."""

FAILS = [
    "layer_sizes_reads_shapes",
    "nn_model_hidden_size",
    "nn_model_loop",
    "experiment_symmetric_start",
    "experiment_large_start",
    "experiment_small_start",
]
DIAGNOSIS = ("layer_sizes gives the number of examples m as n_x and n_y: are the sizes read off the columns of X "
             "and Y instead of the rows?")
SYMPTOMS = ["entry 1 of layer_sizes's result is the number of columns of the first argument",
            "entry 3 of layer_sizes's result is the number of columns of the second argument"]


def layer_sizes(X, Y):
    n_x = X.shape[1]
    n_h = 4
    n_y = Y.shape[1]
    return (n_x, n_h, n_y)
