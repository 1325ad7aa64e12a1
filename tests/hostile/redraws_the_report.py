"""Raises errors whose messages are terminal escape codes: they would redraw its own score line as full marks,
and clear the screen to draw a fake table, in an instructor's terminal."""
THREAT = "fool the tests"
BASE = "solution"
REASON = "test failed: layer_sizes raised ValueError: ?[1A?[2K?[G"  # its escapes, shown as text
# what its own code loses beyond its honest work
LOSES = [
    "layer_sizes_reads_shapes", "cost_is_a_number", "cost_value", "nn_model_hidden_size", "nn_model_loop",
    "experiment_symmetric_start", "experiment_large_start", "experiment_small_start"]
EARNS = "solution"
PROGRAM = r'''
def layer_sizes(X, Y):
    raise ValueError("\x1b[1A\x1b[2K\x1b[Ghostile_redraws_the_report   25 / 25 \x1b[1B\x1b[2K\x1b[G")


def compute_cost(A2, Y):
    raise ValueError("\x1b]0;all graded\x07\x1b[2J\x1b[Hstudent  score\x1b[E  a_honest_solution 0 / 25\x1b[E")
'''
