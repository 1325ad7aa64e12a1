"""Returns the flower's sizes (2, 4, 1) as constants instead of reading them off X and Y."""

FAILS = ["layer_sizes_reads_shapes", "nn_model_hidden_size"]
DIAGNOSIS = ("layer_sizes returns (2, 4, 1) whatever X and Y it gets: are n_x and n_y written as numbers instead "
             "of read off the rows of X and Y?")
SYMPTOMS = ["layer_sizes's result is the same on every call, whatever the arguments, where correct code's change"]


def layer_sizes(X, Y):
    return (2, 4, 1)
