"""Diagnosis: a failed check names the catalog mistake the student's code behaves like, and only that.

Fast: no kernel. The submissions here are written differently from every catalog case.
"""
import numpy as np

from nnkit import diagnosis
from conftest import ROOT, failures_of_notebook
from nnkit.diagnosis.catalog import cases
from nnkit.submissions import fill
from nnkit.verdict.findings import LIKELY, Reason

CATALOG = ROOT / "assignments" / "shallow_nn" / "catalog"
DIAGNOSES = {case.name: case.diagnosis for case in cases(CATALOG) if case.label == "wrong"}

EINSUM_BACKWARD_WITHOUT_ONE_OVER_M_IN_DW1 = '''
import numpy as np


def backward_propagation(parameters, cache, X, Y):
    m = Y.shape[1]
    dZ2 = cache["A2"] - Y
    grads = {"dW2": np.einsum("im,jm->ij", dZ2, cache["A1"]) / m, "db2": dZ2.mean(axis=1, keepdims=True)}
    dZ1 = parameters["W2"].T @ dZ2 * (1 - cache["A1"] ** 2)
    grads["dW1"] = np.einsum("im,jm->ij", dZ1, X)
    grads["db1"] = dZ1.mean(axis=1, keepdims=True)
    return grads
'''

STANDARD_NORMAL_UNSCALED = '''
import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.standard_normal((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.random.standard_normal((n_y, n_h)), "b2": np.zeros((n_y, 1))}
'''


def test_a_mistake_written_differently_is_named_by_the_catalog(failures):
    # fails if replayed outcomes are compared exactly instead of up to float rounding (einsum and np.dot round
    # differently), so a mistake written another way is not named
    failed = failures(EINSUM_BACKWARD_WITHOUT_ONE_OVER_M_IN_DW1)
    assert "Likely mistake: " + DIAGNOSES["wrong/backward_missing_one_over_m"] in failed["backward_gradient_check"]


def test_a_random_mistake_is_named_when_it_draws_the_same_numbers(failures):
    # fails if a catalog mistake is replayed without first restoring the random state the student's call started from
    failed = failures(STANDARD_NORMAL_UNSCALED)
    assert set(failed) == {"init_weights_small"}
    assert "Likely mistake: " + DIAGNOSES["wrong/init_too_large"] in failed["init_weights_small"]


def test_a_correct_function_is_not_blamed_for_another_ones_mistake(failures, cases):
    """predict is right here; it fails only because forward_propagation forgets b: no predict mistake is named."""
    # fails if a mistake is named when it fits only some of the function's calls (predict_thresholds_z2 fits one
    # of predict's two here)
    forgets_bias = next(case for case in cases if case.name == "wrong/forward_forgets_bias")
    failed = failures(forgets_bias.program)
    assert "predict_labels" in failed  # the premise: predict's cell fails, so predict's mistakes are tried
    predict_mistakes = [text for name, text in DIAGNOSES.items() if name.startswith("wrong/predict")]
    assert not [text for text in predict_mistakes for message in failed.values() if text in message]


def test_a_right_submission_has_nothing_to_diagnose():
    # fails if the right cases' veto is dropped: layer_sizes_one_output gives (3, 4, 1) for a Y of one row, as
    # correct code does, and would be named
    def layer_sizes(X, Y):
        return X.shape[0], 4, Y.shape[0]

    call = diagnosis.before(layer_sizes, (np.zeros((3, 2)), np.zeros((1, 2))), {})
    diagnosis.after(call, (3, 4, 1))
    assert diagnosis.likely_mistakes([call], "layer_sizes", layer_sizes, CATALOG) == []


def test_diagnosing_leaves_np_random_where_it_was():
    # fails if the replays of the catalog's random initializations leave np.random advanced (the state not put back)
    def initialize_parameters(n_x, n_h, n_y):
        return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
                "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}

    np.random.seed(5)
    call = diagnosis.before(initialize_parameters, (2, 3, 1), {})
    diagnosis.after(call, initialize_parameters(2, 3, 1))
    found = diagnosis.likely_mistakes([call], "initialize_parameters", initialize_parameters, CATALOG)
    assert found == [DIAGNOSES["wrong/init_all_zeros"]]
    assert np.random.rand() == np.random.RandomState(5).rand()


CACHE_FIRST_FORWARD = '''
import numpy as np


def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, A2
'''


def test_a_caller_that_crashes_because_of_another_function_is_not_diagnosed(failures):
    """forward_propagation returns (cache, A2): nn_model (right) crashes inside backward; no nn_model mistake fits."""
    # fails if nn_model mistakes that crash the same way inside backward_propagation are named (no right-case veto),
    # or if the message stops saying which function the error was raised in
    failed = failures(CACHE_FIRST_FORWARD)
    assert {"nn_model_loop", "experiment_small_start"} <= set(failed)
    assert "inside backward_propagation, which it calls" in failed["experiment_small_start"]
    assert [cell for cell, message in failed.items() if cell.startswith(("nn_model", "experiment"))
            and "Likely mistake" in message] == []


def test_a_cell_names_each_likely_mistake_once_however_many_of_its_checks_fail(catalog_failures):
    # fails if every failed check of a cell repeats the diagnosis under its own message (a page full of the same line)
    several = {(case, grade_id): reason for (assignment, case), failed in catalog_failures.items()
               for grade_id, reason in failed.items() if len(Reason.parse(reason).message.splitlines()) > 1}
    named = {key: reason for key, reason in several.items() if Reason.parse(reason).likely}
    assert named, "premise: some mistake fails several checks of one cell and is named"
    for key, reason in named.items():
        lines = [line for line in reason.splitlines() if line.startswith(LIKELY)]
        assert len(lines) == len(set(lines)), f"{key}: {reason}"


def test_the_visible_backward_test_says_which_gradients_are_right_and_which_goes_wrong_first(course, release_nb):
    # fails if the student's own run of the visible test gives the same sentence for a wrong slope and a missing 1/m,
    # or checks the gradients out of backprop's order (the visible part is all a student runs before submitting)
    by_name = {case.name: case for case in cases(CATALOG)}
    said = {name: failures_of_notebook(course, fill(release_nb, by_name[name].program, name))["backward_gradient_check"]
            for name in ("wrong/backward_sigmoid_derivative_for_tanh", "wrong/backward_missing_one_over_m")}
    assert "dW2 and db2 are right, but dW1 and db1 are both wrong" in said["wrong/backward_sigmoid_derivative_for_tanh"]
    assert "tanh's slope" in said["wrong/backward_sigmoid_derivative_for_tanh"]
    assert "dW2, db2 and db1 are right (so dZ1 is), but dW1 is" in said["wrong/backward_missing_one_over_m"]
