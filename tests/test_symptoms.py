"""Diagnosis by symptom: a mistake the catalog does not hold is named by how its results relate to correct code's.

Fast: no kernel. Calls are recorded as the checks record them, the reference is the catalog's right versions, and
each submission here is a near relative of a catalog mistake, not the mistake itself.
"""
import functools

import numpy as np
import pytest

from conftest import ROOT
from nnkit import accuracy, diagnosis
from nnkit.course import assignments
from nnkit.diagnosis import catalog, symptoms
from nnkit.diagnosis.outcomes import Outcome

CATALOG = ROOT / "assignments" / "shallow_nn" / "catalog"
NOTEBOOK = "import numpy as np\n\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"  # what a notebook defines
FORWARD = '''
def forward_propagation(X, parameters):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    A2 = sigmoid(parameters["W2"] @ A1 + parameters["b2"])
    return A2, {"A1": A1, "A2": A2}
'''  # a right forward pass, for the student functions that call one


def student(source, name):
    """The function `name` of a notebook whose solution cells hold `source`: a global of the notebook's namespace,
    as the diagnosis finds the student's functions."""
    namespace = {}
    exec(NOTEBOOK + source, namespace)
    return namespace[name]


def recorded(function, *argument_lists, seed=None):
    """The calls of `function` on each argument tuple, recorded as a check records them (np.random seeded first,
    with seed + i for the i-th call, when a seed is given)."""
    calls = []
    for index, arguments in enumerate(argument_lists):
        if seed is not None:
            np.random.seed(seed + index)
        call = diagnosis.before(function, arguments, {})
        try:
            diagnosis.after(call, function(*arguments))
        except Exception as error:  # the student's code raised: that is its outcome
            diagnosis.after(call, error=error)
        calls.append(call)
    return calls


def named(calls, withheld=()):
    """What the diagnosis says of these calls, with the catalog cases `withheld` out of its table."""
    function = calls[0].function
    with diagnosis.withholding(withheld):
        return diagnosis.likely_mistakes(calls, function.__name__, function, CATALOG)


def backward_problem(seed, n_x=3, n_h=4, m=7):
    rng = np.random.default_rng(seed)
    parameters = {"W1": rng.standard_normal((n_h, n_x)), "b1": rng.standard_normal((n_h, 1)),
                  "W2": rng.standard_normal((1, n_h)), "b2": rng.standard_normal((1, 1))}
    X, Y = rng.standard_normal((n_x, m)), rng.integers(0, 2, (1, m))
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return parameters, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": 1 / (1 + np.exp(-Z2))}, X, Y


def test_the_one_over_m_missing_from_every_gradient_is_named_though_the_catalog_knows_only_dW1():
    # fails if symptoms are not consulted when no catalog mistake fits, or a factor equal to m (read off the call's
    # arrays) is not recognised as the missing average
    backward_propagation = student('''
def backward_propagation(parameters, cache, X, Y):
    dZ2 = cache["A2"] - Y
    dZ1 = parameters["W2"].T @ dZ2 * (1 - cache["A1"] ** 2)
    return {"dW1": dZ1 @ X.T, "db1": dZ1.sum(axis=1, keepdims=True),
            "dW2": dZ2 @ cache["A1"].T, "db2": dZ2.sum(axis=1, keepdims=True)}
''', "backward_propagation")
    said = named(recorded(backward_propagation, backward_problem(1), backward_problem(2, m=5)))
    assert said[0].startswith("dW1, dW2, db1 and db2 are m times correct code's (m, the number of examples)")


def test_weights_ten_times_randn_are_named_with_their_factor_and_their_size():
    # fails if the factor is not read off the same random numbers (the random state not restored for the right
    # version), or the sizes said are not the student's and correct code's
    initialize_parameters = student('''
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 10, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 10, "b2": np.zeros((n_y, 1))}
''', "initialize_parameters")
    said = named(recorded(initialize_parameters, (2, 4, 1), (3, 7, 2), seed=3))
    assert len(said) == 1
    assert said[0].startswith("W1 and W2 are 1000 times correct code's on every call (for one of them, typically ")
    sizes = said[0].split("typically ")[1].split(" belongs")[0]
    mine, right = (float(word) for word in sizes.replace(" in size where about", "").split())
    assert 5 < mine < 20 and 0.005 < right < 0.02 and np.isclose(mine / right, 1000, rtol=0.05)


def test_a_factor_between_two_single_numbers_takes_two_calls_to_be_named():
    # fails if one call is enough: any wrong number is some multiple of the right one, so every wrong cost would be
    # "scaled by the wrong factor"
    compute_cost = student('''
def compute_cost(A2, Y):
    return float(-np.mean(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)))
''', "compute_cost")
    first = (np.array([[0.2, 0.7, 0.9]]), np.array([[0, 1, 1]]))
    second = (np.array([[0.6, 0.4]]), np.array([[1, 0]]))
    assert named(recorded(compute_cost, first), withheld=["wrong/cost_log10"]) == []
    said = named(recorded(compute_cost, first, second), withheld=["wrong/cost_log10"])
    assert said and said[0].startswith("compute_cost's result is 0.4343 times correct code's on every call")


def test_an_activation_is_named_only_where_the_pre_activation_can_tell_it():
    # fails if ReLU is named on inputs where every pre-activation is positive (ReLU and the identity agree there:
    # the call cannot tell which one the code applies)
    forward_propagation = student('''
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.maximum(Z1, 0)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
''', "forward_propagation")
    rng = np.random.default_rng(4)
    positive = {"W1": np.abs(rng.standard_normal((3, 2))), "b1": np.ones((3, 1)),
                "W2": rng.standard_normal((1, 3)), "b2": np.zeros((1, 1))}
    mixed = {"W1": rng.standard_normal((3, 2)), "b1": np.zeros((3, 1)),
             "W2": rng.standard_normal((1, 3)), "b2": np.zeros((1, 1))}
    X = np.abs(rng.standard_normal((2, 5)))
    relu = ["wrong/forward_relu_hidden"]
    assert not [line for line in named(recorded(forward_propagation, (X, positive)), relu) if "ReLU" in line]
    said = named(recorded(forward_propagation, (X, positive), (X, mixed)), relu)
    assert said[0] == "A1 is ReLU of Z1, where tanh of Z1 belongs: is the wrong activation used?"


def test_entries_under_keys_of_their_own_are_judged_by_the_keys_only():
    # fails if the entries of a dict with other keys are compared with the reference's entries of the same name
    # (W1 of a loop from 0 is correct code's W2): shapes "wrong" for a reason the keys already give
    initialize_parameters = student('''
def initialize_parameters(n_x, n_h, n_y):
    sizes = [n_x, n_h, n_y]
    return {name: value for index in range(2) for name, value in (
        (f"W{index}", np.random.randn(sizes[index + 1], sizes[index]) * 0.01),
        (f"b{index}", np.zeros((sizes[index + 1], 1))))}
''', "initialize_parameters")
    said = named(recorded(initialize_parameters, (2, 4, 1), (3, 5, 2), seed=6))
    assert said == ["initialize_parameters's result is missing the key(s) W2, b2 and has W0, b0 instead: is each "
                    "stored in the result, under its own name?"]


def test_numpy_s_error_is_read_only_where_the_function_itself_raised():
    # fails if the error of a function it calls is read as this function's mistake (a predict whose
    # forward_propagation raises), or numpy's "not aligned" is not recognised where the function itself raised
    notebook = '''
def compute_cost(A2, Y):
    return float(-np.dot(Y, np.log(A2)) - np.dot(1 - Y, np.log(1 - A2))) / Y.shape[1]


def forward_propagation(X, parameters):
    return compute_cost(X, X)
'''
    compute_cost, forward_propagation = student(notebook, "compute_cost"), student(notebook, "forward_propagation")
    arguments = (np.array([[0.2, 0.7, 0.9]]), np.array([[0, 1, 1]]))
    assert named(recorded(compute_cost, arguments), ["wrong/cost_dot_without_transpose"]) == [
        "compute_cost raises where correct code returns: the inner sizes of a matrix product do not match: is a "
        "transpose missing, are the factors in the wrong order, or is one of them not the array it should be?"]
    parameters = {"W1": np.ones((1, 3)), "b1": np.zeros((1, 1)), "W2": np.ones((1, 1)), "b2": np.zeros((1, 1))}
    calls = recorded(forward_propagation, (arguments[0], parameters))
    assert calls[0].raised_in == "compute_cost"  # the premise: the error comes from the function it calls
    assert named(calls) == []


def test_a_gradient_of_the_wrong_input_is_named_by_the_input_that_explains_it():
    # fails if correct code is not replayed on the call's arguments with one part swapped for another of its shape
    # (Z1 for A1 in the slope of tanh), or a swap is named for the parts it does not change (dW2, db2 are right)
    backward_propagation = student('''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = parameters["W2"].T @ dZ2 * (1 - cache["Z1"] ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.mean(axis=1, keepdims=True),
            "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.mean(axis=1, keepdims=True)}
''', "backward_propagation")
    said = named(recorded(backward_propagation, backward_problem(7), backward_problem(8, m=4)),
                 ["wrong/backward_tanh_slope_of_z1"])
    assert said == ["dW1 and db1 are what correct code gives with Z1 in place of A1: is Z1 used where A1 belongs?"]


def test_one_value_everywhere_is_not_explained_by_an_input_changed():
    # fails if a change of the arguments counts as the explanation of a result that is one value everywhere: every
    # label 1 is also what correct code gives on an X of ones, a coincidence, not a mistake the code has
    predict = student(FORWARD + '''


def predict(parameters, X):
    return np.ones((1, X.shape[1]))
''', "predict")
    rng = np.random.default_rng(9)  # on an X of ones, correct code labels every example 1 with these parameters
    parameters = {"W1": np.ones((3, 2)), "b1": np.zeros((3, 1)), "W2": np.ones((1, 3)), "b2": np.zeros((1, 1))}
    calls = recorded(predict, (parameters, rng.standard_normal((2, 6))), (parameters, rng.standard_normal((2, 9))))
    said = named(calls, ["wrong/predict_threshold_zero"])
    assert said and not [sentence for sentence in said if "what correct code gives" in sentence], said
    assert said[0].startswith("predict's result labels every example 1")  # the premise: the symptom it does show


def test_a_name_used_before_anything_sets_it_is_named_with_the_name():
    # fails if Python's NameError, raised in the function itself, is not read (a line deleted, as a mutant does), or
    # the name it quotes is not the one said
    layer_sizes = student('''
def layer_sizes(X, Y):
    n_y = Y.shape[0]
    return (n_x, 4, n_y)
''', "layer_sizes")
    said = named(recorded(layer_sizes, (np.ones((3, 5)), np.ones((1, 5)))))
    assert said == ["layer_sizes raises where correct code returns: it uses n_x before anything sets it: is the line "
                    "that sets it missing, or the name misspelt?"]


def test_a_global_read_where_the_argument_belongs_is_named_by_the_error_correct_code_raises_on_it():
    # fails if an error raised in a function the student's calls is never compared with correct code's on changed
    # arguments, or the notebook's global is looked up only under the student's name for the argument (params here)
    predict = student(FORWARD + '''
parameters = {"W1": np.ones((4, 2)), "b1": np.zeros((4, 1)), "W2": np.ones((1, 4)), "b2": np.zeros((1, 1))}


def predict(params, X):
    return forward_propagation(X, parameters)[0] > 0.5
''', "predict")
    rng = np.random.default_rng(10)
    given = {"W1": rng.standard_normal((3, 5)), "b1": np.zeros((3, 1)), "W2": np.ones((1, 3)), "b2": np.zeros((1, 1))}
    calls = recorded(predict, (given, rng.standard_normal((5, 6))), (given, rng.standard_normal((5, 2))))
    assert all(call.raised_in == "forward_propagation" for call in calls)  # the premise: raised in another function
    assert named(calls, ["wrong/predict_uses_global_parameters"]) == [
        "predict's error is what correct code gives on the notebook's global parameters, not on the parameters it is "
        "given: is the global read instead of the argument?"]


def test_the_same_error_raised_in_another_function_explains_nothing():
    # fails if an error correct code raises on changed arguments explains the student's by its message alone: two
    # places can raise the same message (the same two arrays meeting twice), and then the change names a mistake the
    # code does not have (a global Y, where the student's nn_model read a global cache)
    failing = student("def helper(a):\n    raise ValueError('boom')\n\n\ndef f(a, n):\n    return helper(a)\n", "f")
    version = student("def f(a, n):\n    if not a.any():\n        raise ValueError('boom')\n    return a * n\n", "f")
    calls = recorded(failing, (np.arange(4.0).reshape(2, 2), 3))
    replay = functools.partial(diagnosis._replay, version)
    zeros = replay(calls[0], ((np.zeros((2, 2)), 3), {}))
    assert calls[0].outcome == zeros and calls[0].outcome.where == "helper" != zeros.where  # the premise
    assert symptoms.named(calls, [replay(call) for call in calls], [], replay, ("a", "n")) == []


def halving(w, g, n):
    """A stand-in for a training loop: n steps, each moving w by g."""
    for _ in range(n):
        w = w - g * w / 2
    return w


def replayed(function, calls):
    """A right version's outcomes on the calls, and its replay on changed arguments, as nnkit.diagnosis makes them."""
    def replay(call, arguments=None):
        args, kwargs = arguments or (call.args, call.kwargs)
        return Outcome(("returned", function(*args, **kwargs)))
    return [replay(call) for call in calls], replay


@pytest.mark.parametrize("loop, said", [
    ("range(1, n)", "with n one less: does a loop start at 1, or stop one short?"),
    ("range(n + 1)", "with n one more: does a loop run once too often (range(n + 1), or <= n)?"),
    ("range(n) if False else ()", "with n 0, as if no step were taken: is each step's result assigned back, so that "
                                  "the next step starts from it?")])
def test_a_loop_s_count_off_is_named_by_the_count_that_explains_it_even_without_relations(loop, said):
    # fails if whole-number arguments are not changed by one or to 0, or if, without relations (training, where an
    # input of zeros freezes a result at its start), an array set to 0 is still tried: g set to 0 also leaves w as
    # it was, so the loop that takes no step would be said to leave g out
    student_loop = student(f'''
def halving(w, g, n):
    for _ in {loop}:
        w = w - g * w / 2
    return w
''', "halving")
    rng = np.random.default_rng(11)
    calls = recorded(student_loop, *[(rng.standard_normal((2, 3)), rng.uniform(0.1, 0.9, (2, 3)), n) for n in (2, 3)])
    reference, replay = replayed(halving, calls)
    assert symptoms.named(calls, reference, [], replay, ("w", "g", "n"), relations=False) == [
        f"halving's result is what correct code gives {said}"]


@pytest.mark.parametrize("mistake, said", [
    ("np.random.randn(n_h, n_x / 2) * 0.01", "a number that is not whole is used where a whole number belongs (an "
                                             "index, a size, a count): is it computed with / or scaled?"),
    ("np.random.randn(n_h, n_x - 5) * 0.01", "an array is made with a negative size: is a size read from the wrong "
                                             "place, or an index off by one?"),
    ("np.random.randn(n_h, (n_x, n_h)[2]) * 0.01", "it reads past the end of a list or an array: is an index too "
                                                   "large (l + 1 where l belongs), or does a loop run too far?"),
    ("np.random.randn(n_h, n_x) * sigmoid()", "it calls sigmoid without all the arguments it needs: is one left out of "
                                              "the call?")])
def test_an_index_or_a_size_python_or_numpy_refuses_is_named_by_what_it_says(mistake, said):
    # fails if an IndexError, a float where a whole number belongs, a negative size, or a call short of an argument,
    # raised in the function itself, is not read (a loop bound or an index off, as mutants of the deep initializers
    # make them; an argument left to a default that is not there)
    initialize_parameters = student(f'''
def initialize_parameters(n_x, n_h, n_y):
    return {{"W1": {mistake}, "b1": np.zeros((n_h, 1)), "W2": np.random.randn(n_y, n_h) * 0.01,
            "b2": np.zeros((n_y, 1))}}
''', "initialize_parameters")
    assert named(recorded(initialize_parameters, (2, 4, 1), seed=3)) == [
        f"initialize_parameters raises where correct code returns: {said}"]


def test_a_size_written_in_is_named_with_the_one_asked_for_but_a_number_that_is_not_whole_is_not():
    # fails if a whole number that is one value on every call, as correct code's is, is not compared with correct
    # code's (n_h written as 5 where 4 is asked for); or if any number that stays put is said to be written in
    def layer_sizes_with(n_h):
        return student(f"def layer_sizes(X, Y):\n    return (X.shape[0], {n_h}, Y.shape[0])\n", "layer_sizes")
    rng = np.random.default_rng(12)
    arguments = [(rng.standard_normal((n_x, 3)), np.ones((1, 3))) for n_x in (2, 5)]
    assert named(recorded(layer_sizes_with(5), *arguments)) == [
        "entry 2 of layer_sizes's result is 5 on every call, where correct code's is 4: is the size written in the one "
        "asked for?"]
    assert not [sentence for sentence in named(recorded(layer_sizes_with(4.5), *arguments)) if "written in" in sentence]


def test_a_count_the_calls_give_one_value_is_not_changed():
    # fails if a count is changed by one on calls that all give it the same value: a loop that always takes one step,
    # called with 0, is also correct code with one more, a coincidence the next count would refute
    always_once = student("def halving(w, g, n):\n    return w - g * w / 2\n", "halving")
    rng = np.random.default_rng(13)
    calls = recorded(always_once, (rng.standard_normal((2, 3)), rng.uniform(0.1, 0.9, (2, 3)), 0))
    reference, replay = replayed(halving, calls)
    assert symptoms.named(calls, reference, [], replay, ("w", "g", "n"), relations=False) == []
    calls += recorded(always_once, (rng.standard_normal((2, 3)), rng.uniform(0.1, 0.9, (2, 3)), 2))
    reference, replay = replayed(halving, calls)
    assert symptoms.named(calls, reference, [], replay, ("w", "g", "n"), relations=False) == []  # refuted


def test_a_part_is_named_by_its_most_specific_symptom_only():
    # fails if every symptom a part shows is said: at a learning rate of 1/2, a step reversed is also over by exactly
    # the gradient, and "is dW1 added twice?" would ask about a mistake the code does not have
    update_parameters = student('''
def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] + learning_rate * grads["d" + name] for name in parameters}
''', "update_parameters")
    rng = np.random.default_rng(14)
    problems = []
    for _ in range(2):
        parameters, _, _, _ = backward_problem(int(rng.integers(100)))
        grads = {"d" + name: rng.standard_normal(value.shape) for name, value in parameters.items()}
        problems.append((parameters, grads, 0.5))
    said = named(recorded(update_parameters, *problems), ["wrong/update_gradient_ascent"])
    assert said == ["W1, W2, b1 and b2 are moved by correct code's step reversed, up the gradient: is the step added "
                    "instead of subtracted?"]


def test_one_number_s_wrong_step_is_not_taken_for_a_learning_rate():
    # fails if a step of one number that is a multiple of correct code's is read as a rate: with the same gradients
    # at every rate, any wrong gradient for b2 moves it a fixed multiple of correct code's step
    update_parameters = student('''
def update_parameters(parameters, grads, learning_rate=1.2):
    stepped = {name: parameters[name] - learning_rate * grads["d" + name] for name in parameters}
    return {**stepped, "b2": parameters["b2"] - learning_rate * grads["db1"].mean(keepdims=True)}
''', "update_parameters")
    parameters, _, _, _ = backward_problem(19)
    rng = np.random.default_rng(19)
    grads = {"d" + name: rng.standard_normal(value.shape) for name, value in parameters.items()}
    said = named(recorded(update_parameters, *[(parameters, grads, rate) for rate in (0.5, 1.2, 0.03)]))
    assert said and not [sentence for sentence in said if "learning rate" in sentence], said


def test_a_bias_of_one_entry_left_out_is_named():
    # fails if only arrays of several entries are changed: b2 of the output layer is (1, 1), and leaving it out of Z2
    # is then named by no symptom
    forward_propagation = student('''
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
''', "forward_propagation")
    problems = [(X, parameters) for parameters, _, X, _ in (backward_problem(15), backward_problem(16, m=4))]
    said = named(recorded(forward_propagation, *problems), ["wrong/forward_forgets_bias"])
    assert said == ["the first value forward_propagation returns, A2 and Z2 are what correct code gives with b2 set to "
                    "0: is b2 left out where it belongs?"]


@pytest.mark.parametrize("wrong_term, said", [
    ("(1 - Y) * np.log(A2)", "compute_cost's result is right on the examples labelled 1 and wrong on those labelled 0: "
                             "is the term of the formula that only the examples labelled 0 add (where Y is 0) written "
                             "as it should be?"),
    ("(A2 - Y) ** 2", None)])
def test_a_term_only_one_label_adds_is_named_by_that_label(wrong_term, said):
    # fails if the student's function is not run again on the examples of each label (every array of one column per
    # example cut to them) and compared with correct code's there; or if a part wrong on both is still said to be
    # wrong on one label only (a squared error is wrong everywhere)
    compute_cost = student(f'''
def compute_cost(A2, Y):
    return float(-np.sum(Y * np.log(A2) + {wrong_term}) / Y.shape[1])
''', "compute_cost")
    rng = np.random.default_rng(17)
    calls = recorded(compute_cost, *[(rng.uniform(0.05, 0.95, (1, m)), np.array([[0, 1] * (m // 2)]))
                                     for m in (4, 6)])
    labelled = [sentence for sentence in named(calls, ["wrong/cost_only_positive_term"]) if "labelled" in sentence]
    assert labelled == ([said] if said else [])


def test_a_half_right_at_one_size_only_names_no_term():
    # fails if a half of the examples that is right at one size is taken for a right term: a count of examples written
    # as 2 is right on any two examples, so on the two labelled 1 of each call here, and wrong on the others
    compute_cost = student('''
def compute_cost(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / 2)
''', "compute_cost")
    rng = np.random.default_rng(18)
    calls = recorded(compute_cost, *[(rng.uniform(0.05, 0.95, (1, zeros + 2)), np.array([[0] * zeros + [1, 1]]))
                                     for zeros in (3, 4)])
    assert not [sentence for sentence in named(calls) if "labelled" in sentence]


@pytest.mark.parametrize("threshold, said", [
    ("A2 < 0.5", "predict's result labels every example the opposite of correct code: is the comparison the wrong way "
                 "round (< where > belongs)?"),
    ("A2 > 5", "predict's result labels every example 0, where correct code's labels differ: is the threshold taken on "
               "the right value, at 0.5?")])
def test_labels_flipped_or_all_one_are_named_and_one_example_cannot_refute_them(threshold, said):
    # fails if labels that are the opposite of correct code's everywhere are not recognised, or if a call with a single
    # example, where any label is the same everywhere, counts against "one label everywhere"
    predict = student(FORWARD + f'''


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return {threshold}
''', "predict")
    parameters, _, _, _ = backward_problem(20, n_x=2)
    rng = np.random.default_rng(20)
    calls = recorded(predict, *[(parameters, rng.standard_normal((2, m))) for m in (1, 9, 12)])
    assert said in named(calls, ["wrong/predict_threshold_zero"])


def test_an_error_the_function_raised_is_read_without_relations_too():
    # fails if, where relations are not read (training), the errors Python gives are not read either: an error message
    # is no relation that holds by chance
    failing = student("def halving(w, g, n):\n    return w - g * w / 2 + drift\n", "halving")
    calls = recorded(failing, *[(np.ones((2, 3)), np.ones((2, 3)), n) for n in (2, 3)])
    reference, replay = replayed(halving, calls)
    assert symptoms.named(calls, reference, [], replay, ("w", "g", "n"), relations=False) == [
        "halving raises where correct code returns: it uses drift before anything sets it: is the line that sets it "
        "missing, or the name misspelt?"]


def test_a_symptom_a_right_version_shows_too_is_not_named():
    # fails if the right versions' veto is dropped: a relation correct code can have is no evidence of a mistake
    def call_returning(value):
        call = diagnosis.before(np.negative, (), {})
        diagnosis.after(call, value)
        return call

    right = np.array([[1.0, -2.0, 3.0]])
    calls = [call_returning(-right)]
    reference = [Outcome(("returned", right))]
    assert symptoms.named(calls, reference, [])[0].startswith("negative's result is correct code's with the sign")
    assert symptoms.named(calls, reference, [[Outcome(("returned", -right))]]) == []


@pytest.mark.parametrize("assignment", [course.assignment for course in assignments(ROOT)])
def test_each_wrong_case_held_out_of_the_table_is_named_by_its_symptoms_or_not_at_all(assignment):
    # fails if a symptom is named that the case's code does not have (a misname: a relation that holds by chance, or
    # a sentence whose question points at another mistake), or if a family of symptoms stops being recognised (the
    # share named falls below what this catalog reached: 18 of 18 in deep_init, 52 of 58 in shallow_nn)
    course = next(course for course in assignments(ROOT) if course.assignment == assignment)
    held = accuracy.held_out(course, catalog.cases(course.catalog))
    assert {case.case.name: case.misnamed for case in held if case.misnamed} == {}
    assert sum(case.named for case in held) >= {"deep_init": 18, "shallow_nn": 52}[assignment], \
        accuracy.held_out_table(held)
