"""deep_init: a scale per layer for deep networks (zeros, large random, He). Its checks, catalog and reference math."""

# The catalog cases `nnkit demo` grades beside the solution and the blank release: a right variant, and the
# mistakes of the lecture (He without its square root, one scale for every layer, a small "large" start).
DEMO = ("right/zip_over_consecutive_sizes", "wrong/he_without_sqrt", "wrong/he_one_scale_everywhere",
        "wrong/random_not_times_ten")
