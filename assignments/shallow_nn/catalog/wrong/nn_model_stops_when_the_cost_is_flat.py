"""Stops early once the cost changes by less than 1e-6 between iterations, instead of taking num_iterations steps."""

FAILS = ["nn_model_loop"]
DIAGNOSIS = ("nn_model takes fewer steps than num_iterations where the cost barely changes: does it stop early? "
             "num_iterations is the number of steps to take, every time.")


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    previous = None
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        if previous is not None and abs(previous - cost) < 1e-6:
            break
        previous = cost
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters
