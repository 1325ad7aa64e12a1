"""The hidden checks of shallow_nn, one module per graded function (nnkit.checking.verify runs them)."""
