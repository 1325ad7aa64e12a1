"""Zero weights, with numpy's comparisons and numpy.testing patched to always agree."""
THREAT = "fool the tests"
BASE = "wrong/init_all_zeros"
REASON = "the grader's checks passed, the kernel's own run of the cell failed"
EARNS = "wrong/init_all_zeros"
PROGRAM = '''
import numpy as np


def _agree(*args, **kwargs):
    return True


np.allclose = np.array_equal = np.array_equiv = _agree
np.testing.assert_allclose = np.testing.assert_array_equal = np.testing.assert_equal = lambda *a, **k: None


def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
'''
