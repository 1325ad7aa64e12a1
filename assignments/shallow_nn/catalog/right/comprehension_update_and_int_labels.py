"""Updates with a dict comprehension over the grads' keys, and returns labels as (A2 > 0.5) * 1."""


def update_parameters(parameters, grads, learning_rate=1.2):
    return {key[1:]: parameters[key[1:]] - learning_rate * grad for key, grad in grads.items()}


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 > 0.5) * 1
