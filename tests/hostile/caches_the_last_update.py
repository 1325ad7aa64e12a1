"""nn_model with no training loop: it returns whatever update_parameters computed last, kept in the kernel, hoping
the grader just ran the same steps itself."""
THREAT = "fool the tests"
BASE = "wrong/nn_model_discards_update"  # an nn_model that never trains: it may earn no more than that
# The kernel's own run was fooled; the grader was not.
REASON = "the notebook's own run of the visible tests passed, the grader failed: experiment_large_start, nn_model_loop"
EARNS = "wrong/nn_model_discards_update"
PROGRAM = '''
_last = {}


def update_parameters(parameters, grads, learning_rate=1.2):
    new = {name: parameters[name] - learning_rate * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}
    _last["parameters"] = new
    return new


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    cached = _last.pop("parameters", None)
    if num_iterations and cached is not None and all(cached[k].shape == parameters[k].shape for k in parameters):
        return cached
    return parameters
'''
