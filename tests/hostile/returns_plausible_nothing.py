"""Stubs that look like answers: a cost of None, and an nn_model that returns its start untrained."""
THREAT = "fool the tests"
BASE = "blank"
# The kernel's own run was fooled; the grader was not.
REASON = "the notebook's own run of the visible tests passed, the grader failed: cost_is_a_number"
EARNS = "blank"
PROGRAM = '''
def compute_cost(A2, Y):
    pass


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    return initialize_parameters(X.shape[0], n_h, Y.shape[0])
'''
