"""Loops over range(1, num_iterations), so nn_model takes one step fewer than asked."""

FAILS = ["nn_model_loop"]
DIAGNOSIS = "nn_model takes one gradient step fewer than num_iterations: does the loop start at 1, or stop one short?"
SYMPTOMS = ["W1, W2, b1 and b2 are what correct code gives with num_iterations one less"]


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(1, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(A2, Y)))
    return parameters
