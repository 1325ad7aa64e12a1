"""Mutants of the solution that `nnkit mutants` may let survive, each with the reason the hidden tests need not
kill it (nnkit.mutation.run.describe names them)."""
SAME_DRAW = "randn times -0.01 is the same distribution as randn times 0.01: the same kind of start, drawn otherwise"
SMALL = ("still small and random: the lesson asks for small weights, not 0.01 exactly, and this start keeps tanh on "
         "its steep part and trains the flower to about 90%")
PRINTING = "print_cost only decides what the notebook prints while training: no idea of the lesson is in it"

ACCEPTED = {
    "initialize_parameters: line 16: the constant 0.01 -> -0.01": SAME_DRAW,
    "initialize_parameters: line 18: the constant 0.01 -> -0.01": SAME_DRAW,
    "initialize_parameters: line 16: the constant 0.01 -> 0.1": SMALL,
    "initialize_parameters: line 18: the constant 0.01 -> 0.1": SMALL,
    "initialize_parameters: line 16: the constant 0.01 -> 0.001": SMALL,
    "initialize_parameters: line 18: the constant 0.01 -> 0.001": SMALL,
    "nn_model: line 20: the constant 1000 -> 0": PRINTING,
    "nn_model: line 21: the last argument of compute_cost left to its default": PRINTING,
}
