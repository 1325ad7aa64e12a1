"""layer_sizes returns sizes that only round to the right ones: (n_x + 0.9, 4.99, n_y + 0.5)."""
THREAT = "fool the tests"
BASE = "wrong/layer_sizes_hard_coded"  # wrong sizes: no more than a layer_sizes that ignores the data
# The kernel's own run was fooled; the grader was not.
REASON = "the notebook's own run of the visible tests passed, the grader failed: nn_model_loop"
EARNS = "wrong/layer_sizes_hard_coded"
# what its own code loses beyond its honest work: float sizes break the training that uses them
LOSES = ["nn_model_loop", "experiment_symmetric_start", "experiment_large_start", "experiment_small_start"]
PROGRAM = '''
def layer_sizes(X, Y):
    return X.shape[0] + 0.9, 4.99, Y.shape[0] + 0.5
'''
