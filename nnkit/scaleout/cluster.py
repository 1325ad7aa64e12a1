"""Where notebooks execute: worker processes on this machine, or an existing Dask cluster.

Both are Dask. By default a LocalCluster of single-threaded worker processes starts in
this process and stops with it (no server to start); given a scheduler's address, the
workers are that cluster's (dask-jobqueue on SLURM, dask-kubernetes, or `dask scheduler`
and `dask worker` by hand), and they need the kit and bubblewrap installed, nothing of the
course. When a worker dies while executing a notebook, Dask runs it again on another; a
notebook whose workers die `allowed-failures` times fails with KilledWorker.
"""
import contextlib
import logging
import os

import dask
import distributed

from nnkit.scaleout import execution, forkserver
from nnkit.bubblewrap import SandboxUnavailable


# Dask's own bookkeeping, slowed down for local workers: its defaults (a profiler sampling every worker every 10 ms,
# ticks every 20 ms) cost a tenth of a core, taken from grading on a machine whose cores all grade.
LOCAL = {"distributed.worker.profile.enabled": False,
         "distributed.admin.tick.interval": "1s",
         "distributed.admin.system-monitor.interval": "5s",
         "distributed.admin.system-monitor.gil.enabled": False,
         "distributed.worker.memory.monitor-interval": "1s",
         "distributed.scheduler.work-stealing-interval": "1s",
         "distributed.scheduler.active-memory-manager.start": False}


class ClusterError(Exception):
    """The workers cannot be reached or cannot sandbox; the message says what to do."""


class Cluster:
    """A connected Dask client: jobs go out as data, executed notebooks come back."""

    def __init__(self, client, where):
        self.client = client
        self.where = where  # e.g. "2 local worker processes"

    @property
    def slots(self):
        """Notebooks the cluster executes at once: its workers' threads."""
        return max(1, sum(worker["nthreads"] for worker in self.client.scheduler_info()["workers"].values()))

    def submit(self, job):
        """The job, sent to a worker to execute; a Dask future of its execution.Executed."""
        key = f"execute-{job.student}-{os.urandom(4).hex()}"  # unique: a student's notebook may go out again
        return self.client.submit(execution.execute, job, pure=False, key=key)

    def sandboxes(self, config):
        """{line: workers}: how the workers sandbox a kernel; ClusterError naming a worker that cannot."""
        answers = self.client.run(execution.sandbox_here, execution.execution_config(config), on_error="return")
        found = {}
        for worker, answer in sorted(answers.items()):
            if isinstance(answer, SandboxUnavailable):
                raise ClusterError(f"a worker of {self.where} cannot grade: {answer}")
            if not isinstance(answer, BaseException):  # else it died as it answered: its restart grades as the rest
                found.setdefault(answer, []).append(worker)
        if not found:
            raise ClusterError(f"no worker of {self.where} could say how it sandboxes a kernel; try again.")
        return found


def default_jobs():
    """Local workers by default: one per core. A warm kernel answers at once, so a worker seldom leaves its core idle,
    and one more worker costs more to start than it fills (measured here: 32 submissions in 35.3 s with two workers,
    38.0 s with three)."""
    return os.cpu_count() or 1


@contextlib.contextmanager
def connect(jobs=None, scheduler=None):
    """A Cluster: the Dask scheduler at `scheduler`, else `jobs` local worker processes (default_jobs)."""
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=10)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"{scheduler}: no Dask scheduler answered ({error}); start one (`dask scheduler`) and "
                               "its workers (`dask worker ADDRESS`), or leave out --scheduler to grade on this "
                               "machine.") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=60)
            except TimeoutError:
                raise ClusterError(f"{scheduler}: no worker joined the Dask scheduler in 60 s; start one "
                                   f"(`dask worker {scheduler}`).") from None
            yield Cluster(client, f"the Dask cluster at {scheduler}")
        return
    jobs = max(1, jobs or default_jobs())
    forkserver.start()
    with dask.config.set({**LOCAL, **forkserver.DASK_CONFIG}):
        with forkserver.ignoring_ctrl_c():
            # One notebook per worker process; no dashboard (nothing listens beyond this run); Dask's logs on error.
            local = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                                             dashboard_address=None, silence_logs=logging.ERROR)
        with local, distributed.Client(local) as client:
            yield Cluster(client, f"{jobs} local worker process{'es' if jobs > 1 else ''}")
