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
plain nbclient run: what the notebook itself costs), and one submission autograded by
nbgrader in this process with the kit's steps, profiled: the wall time, this process's CPU
and the kernel's CPU of each step of the pipeline, of the execute step's phases (kernel
start, cells, verdicts, kernel stop), of the costliest verdicts and of the notebook's
functions the checks call, and of the gradebook's commits.
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
import sqlalchemy.orm

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the kit, and the tests' loopback Dask cluster

import loopback  # noqa: E402
from nnkit import accuracy, release  # noqa: E402
from nnkit.steps.sandboxed_execute import SandboxedExecute  # noqa: E402
from nnkit.verdict import remote  # noqa: E402
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


class Meter:
    """This thread's CPU seconds and those of every process below this one (the kernels), dead ones included. The
    processes are looked for again only when asked (walking /proc costs more than most calls it would measure)."""

    def __init__(self):
        self.processes, self.seen = [], {}  # pid -> its last CPU seconds

    def read(self, look_again=False):
        if look_again:
            self.processes = psutil.Process().children(recursive=True)
        for process in self.processes:
            self.seen[process.pid] = max(self.seen.get(process.pid, 0.0), _cpu(process))
        return time.perf_counter(), time.thread_time(), sum(self.seen.values())


class Profile:
    """Wall, this process's CPU and the kernels' CPU of named parts, as methods patched to measure them run."""

    def __init__(self):
        self.meter, self.parts, self.calls, self.patched = Meter(), collections.defaultdict(lambda: [0.0] * 3), \
            collections.Counter(), []

    def measure(self, owner, method, name, look_again=False):
        """Meanwhile, each call of owner.method adds to the part `name` (a string, or a function of the call's
        arguments that names it); `look_again`: processes may start or end in it."""
        original = getattr(owner, method)

        def measured(*args, **kwargs):
            before = self.meter.read(look_again)
            try:
                return original(*args, **kwargs)
            finally:
                part = name if isinstance(name, str) else name(*args)
                self.parts[part] = [total + after - start for total, after, start in
                                    zip(self.parts[part], self.meter.read(look_again), before)]
                self.calls[part] += 1
        self.patched.append((owner, method, original))
        setattr(owner, method, measured)

    def restore(self):
        for owner, method, original in reversed(self.patched):
            setattr(owner, method, original)


PHASES = {"start_new_kernel": "kernel start (a fork of the zygote)", "start_new_kernel_client": "until the kernel "
          "answers", "_execute_without_hidden_tests": "cells, run in the kernel", "_cleanup_kernel": "kernel stop"}


def one_submission(course):
    """One solved student autograded by nbgrader in this process with the course's pipeline, after a first (which
    starts the zygote, as a worker does once): a Profile of each step, the execute step's phases, each test cell's
    verdict and the notebook's functions the checks call in the kernel."""
    config = course.api.config
    # Each step once: one in both pipelines (CheckCellMetadata), measured twice, would count each call twice.
    steps = dict.fromkeys([*config.Autograde.sanitize_preprocessors, *config.Autograde.autograde_preprocessors])
    for attempt in range(2):
        profile = Profile()
        profile.measure(type(course.api), "autograde", "nbgrader autograde, in all", look_again=True)
        for step in steps:
            profile.measure(step, "preprocess", step.__name__, look_again=True)
        for method, phase in PHASES.items():
            profile.measure(SandboxedExecute, method, "  " + phase, look_again=True)
        profile.measure(SandboxedExecute, "_verdict", lambda self, test: f"  verdict of {test.grade_id}")
        profile.measure(remote.RemoteFunction, "__call__", lambda function, *_: f"    call of {function.__name__}")
        profile.measure(sqlalchemy.orm.Session, "commit", "  gradebook commits, in every step")
        try:
            result = course.api.autograde(course.assignment, "student_000", force=True, create=True)
        finally:
            profile.restore()
        if not result["success"]:
            sys.exit(f"nbgrader autograde of student_000 failed:\n{result.get('log')}{result.get('error')}")
    return profile


def print_profile(course, cpu, students):
    seconds, cpu_seconds = notebook_alone(course)
    print(f"\nthe solved release alone, top to bottom in nbclient (no sandbox, no checks): {seconds:.1f} s, "
          f"{cpu_seconds:.1f} s of CPU")
    for name, by_kind in cpu.items():
        print(f"CPU per submission, {name}: {sum(by_kind.values()) / students:.2f} s")
        for kind, spent in by_kind.most_common():
            print(f"    {spent / students:5.2f} s  {kind}")
    profile = one_submission(course)
    print("one solved submission autograded by nbgrader in this process with the kit's steps, after a first (which "
          "starts the zygote, as each worker does once): wall seconds, CPU seconds here, CPU seconds in the kernel; "
          "each step, the execute step's phases, its three costliest verdicts and notebook functions the checks call")
    steps = [part for part in profile.parts if not part.startswith(" ")]
    for step in sorted(steps, key=lambda part: (not part.endswith("in all"), -sum(profile.parts[part][1:]))):
        print(_row(profile, step))
        if step == SandboxedExecute.__name__:
            inner = [part for part in profile.parts if part.startswith("  ") and not part.startswith("   ")
                     and "gradebook" not in part]
            verdicts = sorted((part for part in inner if "verdict of" in part), key=lambda part: -profile.parts[part][0])
            for part in [part for part in inner if "verdict of" not in part] + verdicts[:3]:
                print(_row(profile, part))
            calls = sorted((part for part in profile.parts if part.startswith("    ")),
                           key=lambda part: -profile.parts[part][0])
            print(f"      ({sum(profile.calls[part] for part in calls)} calls of the notebook's functions by the checks "
                  f"in all, {len(verdicts)} verdicts)")
            for part in calls[:3]:
                print(_row(profile, part))
        elif step == "SaveAutoGrades":
            print(_row(profile, "  gradebook commits, in every step"))


def _row(profile, part):
    wall, here, kernel = profile.parts[part]
    times = f" ({profile.calls[part]} times)" if profile.calls[part] > 1 else ""
    return f"    {wall:5.2f} {here:5.2f} {kernel:5.2f}  {part.strip() if part.startswith('    ') else part}{times}"


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
