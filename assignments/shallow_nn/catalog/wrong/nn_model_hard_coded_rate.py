"""Passes a hard-coded learning_rate=0.01 (from logistic regression) to update_parameters inside nn_model."""

FAILS = ["nn_model_loop", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = ("nn_model's steps are much shorter than update_parameters' at 1.2: does nn_model pass its own "
             "learning rate instead of the default?")


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=0.01)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(A2, Y)))
    return parameters
