"""How local workers start: forked from one server that has imported what a worker runs.

Dask spawns each local worker afresh by default, and each imported the kit, nbgrader, Dask and
matplotlib itself: about 2 s of CPU per worker, with the workers ready 1.4 s after they were
asked for, and 0.3 s to stop. Forked from this server ("forkserver", Python's multiprocessing),
workers are ready in a moment and stop in 0.03 s, and the imports are paid once per run. `nnkit`
starts the server as a command that grades locally begins (nnkit.__main__), so that it imports
while the grading process imports too, on a core that would otherwise wait;
nnkit.scaleout.cluster starts it if no one did.

This module imports nothing heavy: it runs before the kit is imported.
"""
import contextlib
import multiprocessing
import multiprocessing.forkserver
import signal

# What a local worker imports to execute a notebook: the kit's side, and the notebook's own imports that the checks
# replay (nnkit.verdict.testcells.Definitions), as the zygote imports them for the kernel.
WORKER_MODULES = ["distributed", "nnkit.scaleout.execution", "numpy", "matplotlib.pyplot"]
DASK_CONFIG = {"distributed.worker.multiprocessing-method": "forkserver"}  # Dask's local workers come from it


def start():
    """Start the server, importing WORKER_MODULES, unless it runs already (in this process or an earlier call)."""
    multiprocessing.get_context("forkserver").set_forkserver_preload(WORKER_MODULES)
    with ignoring_ctrl_c():  # the workers it forks keep its handling of Ctrl-C
        multiprocessing.forkserver.ensure_running()


@contextlib.contextmanager
def ignoring_ctrl_c():
    """Ctrl-C reaches every process of the terminal's group: the processes started meanwhile ignore it (they
    inherit that), and this process stops the run and reports what it graded."""
    ctrl_c = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, ctrl_c)
