"""Calls update_parameters(parameters, grads) without assigning its result, so the parameters never change."""

FAILS = ["nn_model_loop", "experiment_symmetric_start", "experiment_large_start", "experiment_small_start"]
DIAGNOSIS = "nn_model's parameters never change: is the result of update_parameters assigned back to parameters?"
SYMPTOMS = ["W1, W2, b1 and b2 are what correct code gives with num_iterations 0"]


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x = X.shape[0]
    n_y = Y.shape[0]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(A2, Y)))
    return parameters
