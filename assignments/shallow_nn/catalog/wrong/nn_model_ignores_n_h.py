"""Takes n_h from layer_sizes, overwriting the n_h argument, so the hidden layer always has 4 units."""

FAILS = ["nn_model_hidden_size", "nn_model_loop"]
DIAGNOSIS = ("nn_model always builds 4 hidden units, whatever n_h it is given: is n_h overwritten by the one from "
             "layer_sizes?")
SYMPTOMS = ["W1, W2 and b1 are not the shape of correct code's"]


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, n_h, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(A2, Y)))
    return parameters
