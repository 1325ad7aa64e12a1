"""Student code, run quietly: in nbgrader any stderr in a test cell scores 0, and warnings are stderr."""
import contextlib
import io
import warnings

import numpy as np


@contextlib.contextmanager
def quietly():
    """Silence warnings, numpy's floating-point complaints and stderr meanwhile."""
    with warnings.catch_warnings(), np.errstate(all="ignore"), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield
