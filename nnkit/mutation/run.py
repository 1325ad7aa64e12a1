"""The mutation score of an assignment's hidden tests: how many small changes to the solution they notice.

Each mutant (nnkit.mutation.operators) takes the place of one graded function of the
solution, and the source notebook is graded in-process as the fast tests grade it
(nnkit.verdict.inprocess: no kernel, the same verdicts), a process per core, each paying
the cells before the function's once (nnkit.verdict.forked). A mutant is
- killed when some test cell fails (which, and whether a failure names a likely mistake);
- equivalent when it behaves as the solution on the calls the notebook and the checks
  made to the function while grading the solution (the first SAMPLES of each kind: the
  same shapes and the same plain values, so a training loop's ten thousand calls are
  three), and on those calls again with their floating-point arrays redrawn at random
  (same shapes) three times: a change no input the assignment uses can tell apart;
- accepted when the assignment's `mutants.py` lists it with a reason;
- survived otherwise: a gap in the hidden tests.
"""
import ast
import contextlib
import copy
import io
import runpy
import sys
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from nnkit import content
from nnkit.diagnosis.symptoms import only_locates
from nnkit.mutation.operators import mutants
from nnkit.submissions import defined_functions, fill, read_notebook, solution_cells, solution_program
from nnkit.verdict import forked, inprocess
from nnkit.verdict.findings import likely_in

REDRAWS = 3
SAMPLES = 3  # calls kept of each kind
RECORDED = {}  # function name -> {kind of call: [(its arguments by name, np.random state)]}: grading the solution's


@dataclass
class Score:
    outcomes: list  # an Outcome per mutant
    seconds: float
    unneeded: list  # entries of the accepted list whose mutant no longer survives (killed, equivalent, or gone)
    until_killed: bool = False  # each mutant graded only until its first failing cell

    @property
    def passed(self):
        return not self.unneeded and all(outcome.kind != "survived" for outcome in self.outcomes)


@dataclass
class Outcome:
    mutant: object
    failed: list = field(default_factory=list)  # grade cells that lost points
    likely: tuple = ()  # each likely mistake its failures named, once
    kind: str = "survived"  # killed, equivalent, accepted, survived
    reason: str = ""  # why it is accepted

    @property
    def named(self):
        return bool(self.likely)

    @property
    def only_where(self):
        """Its failures named no mistake beyond where it is (which parts are right)."""
        return self.named and all(only_locates(sentence) for sentence in self.likely)


@contextlib.contextmanager
def recording(namespace, names):
    """Meanwhile, the first SAMPLES calls of each kind (_kind) of the named functions defined in `namespace` are kept
    in RECORDED (their arguments by name, and np.random's state), from any thread: the server of the in-process
    grading calls them from its own."""
    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_name in names and frame.f_globals is namespace:
            code = frame.f_code
            parameters = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
            arguments = {name: frame.f_locals[name] for name in parameters}
            kept = RECORDED.setdefault(code.co_name, {}).setdefault(_kind(arguments), [])
            if len(kept) < SAMPLES:
                kept.append((copy.deepcopy(arguments), np.random.get_state()))

    RECORDED.clear()
    threading.setprofile(profile)
    sys.setprofile(profile)
    try:
        yield
    finally:
        sys.setprofile(None)
        threading.setprofile(None)


def _kind(value):
    """What a call's arguments have in common with the calls like it: the shapes of arrays, plain values as they are."""
    if isinstance(value, np.ndarray):
        return ("array", value.shape, value.dtype.kind)
    if isinstance(value, dict):
        return tuple((key, _kind(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_kind(item) for item in value)
    return value if isinstance(value, (int, float, str, bool, type(None))) else type(value).__name__


def score(course, names=None, jobs=None, until_killed=False):
    """The Score of the mutants of the named graded functions (all by default); each mutant graded only until a
    test cell fails if `until_killed` (enough to tell killed from the rest: its failed cells are the first only)."""
    started = time.perf_counter()
    source_nb = read_notebook(course.source_notebook)
    functions = _solution_functions(source_nb)
    unknown = set(names or ()) - set(functions)
    if unknown:
        raise ValueError(f"not a graded function of {course.assignment}: {', '.join(sorted(unknown))}; "
                         f"choose among {', '.join(functions)}.")
    chosen = [name for name in functions if not names or name in names]
    checks = content.files(course.root, course.assignment)
    namespace = _graded_solution(course, source_nb, checks, chosen)
    accepted = _accepted(course)
    every = [mutant for name in chosen for mutant in mutants(functions[name])]
    variants = [fill(source_nb, mutant.source, describe(mutant)) for mutant in every]

    def judged(index, grading):  # in the variant's own process, with the solution's namespace at hand
        return _outcome(every[index], grading.found, namespace)
    outcomes = forked.verdicts(source_nb, variants, course.source, checks, judged, jobs, until_failure=until_killed)
    for outcome in outcomes:
        if outcome.kind == "survived" and describe(outcome.mutant) in accepted:
            outcome.kind, outcome.reason = "accepted", accepted[describe(outcome.mutant)]
    used = {describe(outcome.mutant) for outcome in outcomes if outcome.kind == "accepted"}
    unneeded = [entry for entry in accepted if entry.split(":")[0] in chosen and entry not in used]
    return Score(outcomes, time.perf_counter() - started, unneeded, until_killed)


def describe(mutant):
    """How the accepted list names a mutant: stable while the function's lines are."""
    return f"{mutant.function}: line {mutant.line}: {mutant.change}"


def _solution_functions(source_nb):
    program = solution_program(source_nb)
    graded = {name for cell in solution_cells(source_nb) for name in defined_functions(cell.source)}
    return {node.name: ast.get_source_segment(program, node) for node in ast.parse(program).body
            if isinstance(node, ast.FunctionDef) and node.name in graded}


def _graded_solution(course, source_nb, checks, names):
    """The solution's notebook namespace, after grading it with every call of the named functions recorded."""
    namespace = {}
    with recording(namespace, set(names)), contextlib.redirect_stdout(io.StringIO()):  # what the checks' calls print
        failed = inprocess.verdicts(source_nb, course.source, checks, namespace=namespace)
    broken = [grade_id for grade_id, reason in failed.items() if reason]
    if broken:
        raise ValueError(f"the solution fails {', '.join(broken)}: fix it before measuring mutants.")
    return namespace


def _outcome(mutant, found, namespace):
    """The mutant's Outcome from its verdicts: killed, equivalent, or survived (for now: the accepted list is read
    after)."""
    failed = {grade_id: reason for grade_id, reason in found.items() if reason}
    if failed:
        return Outcome(mutant, sorted(failed), likely_in(failed.values()), kind="killed")
    return Outcome(mutant, kind="equivalent" if _equivalent(mutant, namespace) else "survived")


def _equivalent(mutant, namespace):
    """Whether the mutant answers every recorded call, and its random redraws, as the solution does."""
    scope = dict(namespace)
    exec(compile(mutant.source, describe(mutant), "exec"), scope)
    changed, original = scope[mutant.function], namespace[mutant.function]
    rng = np.random.default_rng(0)
    calls = [call for kept in RECORDED.get(mutant.function, {}).values() for call in kept]
    for arguments, state in calls:
        for attempt in range(REDRAWS + 1):
            inputs = arguments if attempt == 0 else _redrawn(arguments, rng)
            if not _same(_answer(original, inputs, state), _answer(changed, inputs, state)):
                return False
    return bool(calls)


def _answer(function, arguments, state):
    np.random.set_state(state)
    try:
        with np.errstate(all="ignore"):
            return ("returned", function(**copy.deepcopy(arguments)))
    except Exception as error:  # noqa: BLE001 (any error is an answer: the same one, or not)
        return ("raised", type(error).__name__)


def _redrawn(value, rng):
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return rng.standard_normal(value.shape) * (np.std(value) or 1.0) + np.mean(value)
    if isinstance(value, dict):
        return {key: _redrawn(item, rng) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_redrawn(item, rng) for item in value)
    return value


def _same(one, other):
    if type(one) is not type(other):
        return False
    if isinstance(one, np.ndarray) or isinstance(other, np.ndarray):
        one, other = np.asarray(one), np.asarray(other)
        return one.shape == other.shape and (one.dtype.kind not in "fc" and np.array_equal(one, other) or
                                             np.allclose(one, other, rtol=1e-9, atol=1e-12, equal_nan=True))
    if isinstance(one, dict):
        return one.keys() == other.keys() and all(_same(one[key], other[key]) for key in one)
    if isinstance(one, (list, tuple)):
        return len(one) == len(other) and all(_same(a, b) for a, b in zip(one, other))
    if isinstance(one, float):
        return np.isclose(one, other, rtol=1e-9, atol=1e-12, equal_nan=True)
    return one == other


def _accepted(course):
    """The assignment's accepted survivors: describe(mutant) -> the reason it may survive."""
    path = course.content / "mutants.py"
    return dict(runpy.run_path(str(path)).get("ACCEPTED", {})) if path.exists() else {}


def _named_share(killed):
    """How many of the killed mutants' failures named a likely mistake, and how many of those only where it is."""
    if not killed:
        return "-"
    named = sum(outcome.named for outcome in killed)
    return (f"{named} of {len(killed)} ({named / len(killed):.0%}), "
            f"{sum(outcome.only_where for outcome in killed)} only where")


def report(score, each=False):
    """The table per function, each survivor and each unneeded acceptance on a line of its own (every mutant's, if
    `each`), and the time: the lines to print."""
    outcomes = score.outcomes
    lines = [f"{'function':24s} {'mutants':>7s} {'killed':>6s} {'equiv':>5s} {'accepted':>8s} {'survived':>8s}  "
             "killed with a likely mistake named (of them, naming only where it is)"]
    by_function = {}
    for outcome in outcomes:
        by_function.setdefault(outcome.mutant.function, []).append(outcome)
    for function, found in by_function.items():
        count = {kind: sum(o.kind == kind for o in found) for kind in ("killed", "equivalent", "accepted", "survived")}
        lines.append(f"{function:24s} {len(found):7d} {count['killed']:6d} {count['equivalent']:5d} "
                     f"{count['accepted']:8d} {count['survived']:8d}  "
                     f"{_named_share([o for o in found if o.kind == 'killed'])}")
    killed = [outcome for outcome in outcomes if outcome.kind == "killed"]
    if killed:
        lines.append(f"{'all':24s} {len(outcomes):7d} {len(killed):6d} {'':5s} {'':8s} {'':8s}  "
                     f"{_named_share(killed)}")
    for outcome in outcomes:
        if each and outcome.kind != "survived":
            detail = {"killed": f"fails {', '.join(outcome.failed)}"
                                + "".join(f"\n          Likely mistake: {sentence}" for sentence in outcome.likely),
                      "accepted": outcome.reason, "equivalent": "answers as the solution does"}[outcome.kind]
            lines.append(f"{outcome.kind.upper():9s} {describe(outcome.mutant)}: {detail}")
        if outcome.kind == "survived":
            lines.append(f"SURVIVED  {describe(outcome.mutant)}")
    for entry in score.unneeded:
        lines.append(f"UNNEEDED  {entry}: no surviving mutant matches it any more; remove it from mutants.py")
    lines.append(f"{len(outcomes)} mutants in {score.seconds:.0f} s; {sum(o.kind == 'survived' for o in outcomes)} "
                 "survived without a reason in the assignment's mutants.py." +
                 (" Each was graded until its first failing cell: the named share is of those cells only."
                  if score.until_killed else ""))
    return lines
