"""shallow_nn: one hidden layer, and why it starts small and random. Its checks, catalog and reference math."""

# The catalog cases `nnkit demo` grades beside the solution and the blank release: a right variant, and the
# mistakes of the lecture (zeros, too large) and of the math (1/m, probabilities for labels).
DEMO = ("right/dot_and_normal_draws", "wrong/init_all_zeros", "wrong/init_too_large",
        "wrong/backward_missing_one_over_m", "wrong/predict_returns_probabilities")
