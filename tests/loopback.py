"""A Dask cluster as separate processes on this machine's loopback: a scheduler and workers, as a course's
cluster would run them on other machines. The tests and the benchmark grade on it."""
import contextlib
import socket
import subprocess
import sys
from pathlib import Path

import distributed

DASK = str(Path(sys.executable).parent / "dask")


@contextlib.contextmanager
def dask_cluster(workers, logs):
    """Start `dask scheduler` and `workers` single-threaded `dask worker` processes on 127.0.0.1, logging into the
    folder `logs`; yield (the scheduler's address, the worker processes); stop them all after."""
    logs = Path(logs)
    logs.mkdir(parents=True, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    started = []

    def start(name, *args):
        with open(logs / f"{name}.log", "ab") as log:
            started.append(subprocess.Popen([DASK, *args, "--no-dashboard"], stdout=log, stderr=log))
        return started[-1]

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port))
        nannies = [start(f"worker-{n}", "worker", address, "--nthreads", "1", "--name", f"worker-{n}")
                   for n in range(workers)]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address, nannies
    finally:
        for process in reversed(started):
            process.terminate()
        for process in reversed(started):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
