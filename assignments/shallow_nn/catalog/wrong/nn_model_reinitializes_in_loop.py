"""Calls initialize_parameters again inside the loop, so each step starts over from a fresh start."""

FAILS = ["nn_model_loop", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = ("nn_model does not learn beyond one step, as if it starts over each iteration: is "
             "initialize_parameters called inside the loop, or does the loop return after its first step?")


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        parameters = initialize_parameters(n_x, n_h, n_y)
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(A2, Y)))
    return parameters
