"""How fast a class is graded: stock nbgrader against `nnkit grade`, on the same submissions, in one run.

    .venv/bin/python benchmarks/grading_speed.py [--students 32] [--sequential-kit] [--dask-workers 1 2]

Makes scratch courses from this one with the same N submissions (half the solution, half
three typical mistakes) and grades them:
- stock: `nbgrader autograde shallow_nn` with nbgrader's own steps (one submission after
  another, in one process, unsandboxed: what a course without the kit runs);
- kit sequential (--sequential-kit): `nbgrader autograde shallow_nn` with the kit's
  config, sandboxed, one after another (what the sandbox costs);
- kit: `nnkit grade`, on local worker processes (one per core);
- kit on Dask (--dask-workers K ...): `nnkit grade --scheduler` on a scheduler and K workers
  started as separate processes on loopback (throughput against the number of workers).
It checks every run gave every student the same points on every cell, and prints the
times, the time per submission and the ratios against stock, with the CPU seconds per
submission each run spent, by kind of process (sampled from /proc every 20 ms: the
grading process, its workers, the sandboxed kernels, bwrap). Then, for the same notebook:
the CPU of executing the solved release top to bottom with no sandbox and no checks (a
plain nbclient run: what the notebook itself costs), and one submission graded by the
kit's execute step with its wall time split into kernel start, cells and checks.
"""
import argparse
import collections
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the kit, and the tests' loopback Dask cluster

import loopback  # noqa: E402
from nnkit import accuracy, release  # noqa: E402
from nnkit.steps.sandboxed_execute import SandboxedExecute  # noqa: E402
from nnkit.course import Course  # noqa: E402
from nnkit.diagnosis import catalog  # noqa: E402
from nnkit.grading import points, submit  # noqa: E402
from nnkit.submissions import fill  # noqa: E402

BIN = Path(sys.executable).parent
STOCK = """
# The benchmark's baseline: nbgrader's own steps, unsandboxed.
c.Autograde.sanitize_preprocessors = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
"""
MISTAKES = ("wrong/backward_missing_one_over_m", "wrong/init_all_zeros", "wrong/init_too_large")


def make_class(into, students):
    """A scratch course with the release generated and `students` submissions placed."""
    scratch = release.generate(Course(ROOT, "shallow_nn"), into)
    solved = accuracy.solved_release(Course(ROOT, "shallow_nn"), scratch)
    cases = {case.name: case for case in catalog.cases(Course(ROOT, "shallow_nn").catalog)}
    for n in range(students):
        mistake = MISTAKES[n // 2 % len(MISTAKES)]
        submit(scratch, f"student_{n:03d}", solved if n % 2 == 0 else fill(solved, cases[mistake].program, mistake))
    return scratch


class TreeCPU:
    """CPU seconds spent by a process and every process under it, by kind, sampled every 20 ms while it runs (a
    process that lives less than that is missed: none of the kit's or nbgrader's does real work that briefly)."""

    def __init__(self, root):
        self.root, self.last, self.done = psutil.Process(root), {}, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        while not self.done.wait(0.02):
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in processes:
                try:
                    times, command = process.cpu_times(), " ".join(process.cmdline())
                except psutil.Error:
                    continue
                self.last[process.pid] = (self._kind(process, command), times.user + times.system)

    def _kind(self, process, command):
        if process.pid == self.root.pid:
            return "grading process (nbgrader, gradebook, report)"
        if "ipykernel" in command:
            return "kernels (the notebook's cells, and the calls the checks make)"
        if "bwrap" in command:
            return "bwrap"
        return "workers (execute step: nbclient, checks, diagnosis)"

    def stop(self):
        self.done.set()
        self.thread.join()
        by_kind = collections.Counter()
        for kind, seconds in self.last.values():
            by_kind[kind] += seconds
        return by_kind


def timed(command, course):
    """Seconds the command took, and its CPU seconds by kind of process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=course.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cpu = TreeCPU(process.pid)
    out, err = process.communicate()
    seconds, by_kind = time.perf_counter() - started, cpu.stop()
    if process.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed ({process.returncode}):\n{out[-3000:]}\n{err[-3000:]}")
    return seconds, by_kind


def notebook_alone(course):
    """The solved release executed top to bottom by nbclient, no sandbox and no checks: (seconds, CPU seconds)."""
    import nbclient
    nb = accuracy.solved_release(Course(ROOT, "shallow_nn"), course)
    before = _own_and_children_cpu()
    started = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(course.source)}}).execute(
        stderr=subprocess.DEVNULL)  # the kernel's warning that it listens on loopback TCP
    return time.perf_counter() - started, _own_and_children_cpu() - before


def _own_and_children_cpu():
    me = psutil.Process()
    times = me.cpu_times()
    return times.user + times.system + sum(_cpu(child) for child in me.children(recursive=True)) + \
        times.children_user + times.children_system


def _cpu(process):
    try:
        times = process.cpu_times()
        return times.user + times.system
    except psutil.Error:
        return 0.0


def one_submission(course):
    """One solved submission through the kit's execute step in this process (after a first, which starts the zygote),
    its wall time split by phase."""
    phases, calls = collections.Counter(), collections.Counter()

    def timing(name, method):
        def timed_method(self, *args, **kwargs):
            started = time.perf_counter()
            try:
                return method(self, *args, **kwargs)
            finally:
                phases[name] += time.perf_counter() - started
                calls[name] += 1
        return timed_method

    patched = {"start_new_kernel": "kernel start (a fork of the zygote)",
               "start_new_kernel_client": "until the kernel answers", "_cleanup_kernel": "kernel stop",
               "_execute_without_hidden_tests": "cells, run in the kernel", "_verdict": "test cells' verdicts, in the grader"}
    originals = {name: getattr(SandboxedExecute, name) for name in patched}
    for name, phase in patched.items():
        setattr(SandboxedExecute, name, timing(phase, originals[name]))
    try:
        for _ in range(2):  # the first starts this process's zygote, once for every submission a worker grades
            phases.clear()
            calls.clear()
            nb = accuracy.solved_release(Course(ROOT, "shallow_nn"), course)
            started = time.perf_counter()
            SandboxedExecute(config=course.api.config).preprocess(nb, {"nbgrader": {"assignment": course.assignment}})
            total = time.perf_counter() - started
    finally:
        for name, method in originals.items():
            setattr(SandboxedExecute, name, method)
    phases["the rest (the given files, the checks made importable)"] = total - sum(phases.values())
    return total, phases, calls


def print_profile(course, cpu, students):
    seconds, cpu_seconds = notebook_alone(course)
    print(f"\nthe solved release alone, top to bottom in nbclient (no sandbox, no checks): {seconds:.1f} s, "
          f"{cpu_seconds:.1f} s of CPU")
    for name, by_kind in cpu.items():
        print(f"CPU per submission, {name}: {sum(by_kind.values()) / students:.2f} s")
        for kind, spent in by_kind.most_common():
            print(f"    {spent / students:5.2f} s  {kind}")
    total, phases, calls = one_submission(course)
    print(f"one solved submission through the kit's execute step, alone (a worker's second): {total:.1f} s")
    for phase, spent in phases.most_common():
        print(f"    {spent:5.2f} s  {phase}" + (f" ({calls[phase]} times)" if calls[phase] > 1 else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=32, help="submissions to grade (default 32)")
    parser.add_argument("--sequential-kit", action="store_true", help="also time the kit's pipeline sequentially")
    parser.add_argument("--dask-workers", type=int, nargs="*", default=[], metavar="K",
                        help="also grade on a loopback Dask cluster of K workers, for each K given")
    args = parser.parse_args()
    into = Path(tempfile.mkdtemp(prefix="nnkit-grading-speed-"))
    nbgrader, nnkit = [str(BIN / "nbgrader"), "autograde", "shallow_nn"], [str(BIN / "nnkit"), "grade"]
    runs = {"stock": (nbgrader, STOCK)}
    if args.sequential_kit:
        runs["kit sequential"] = (nbgrader, "")
    runs["kit"] = (nnkit, "")
    for workers in args.dask_workers:
        runs[f"kit on Dask, {workers} worker{'s' * (workers > 1)}"] = (nnkit + ["--scheduler"], workers)
    print(f"{args.students} submissions ({args.students - args.students // 2} solutions, the rest "
          f"{', '.join(MISTAKES)}), scratch courses in {into}", flush=True)
    seconds, scores, cpu = {}, {}, {}
    for number, (name, (command, setting)) in enumerate(runs.items()):
        course = make_class(into / f"course-{number}", args.students)
        if name == "stock":
            with open(course.root / "nbgrader_config.py", "a") as config:
                config.write(setting)
            course = Course(course.root, course.assignment)
        if "--scheduler" in command:
            with loopback.dask_cluster(setting, into / f"dask-{number}") as (address, _):
                seconds[name], cpu[name] = timed(command + [address], course)
        else:
            seconds[name], cpu[name] = timed(command, course)
        scores[name] = points(course)
        print(f"{name:>24}: {seconds[name]:6.1f} s, {seconds[name] / args.students:5.2f} s per submission, "
              f"{seconds['stock'] / seconds[name]:4.2f}x stock", flush=True)
    differ = [name for name in runs if scores[name] != scores["stock"]]
    print("grades identical in every run" if not differ else f"GRADES DIFFER from stock in: {', '.join(differ)}")
    print_profile(course, cpu, args.students)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
