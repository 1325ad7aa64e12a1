"""An assignment's catalog of known submissions: right ones written differently, and realistic mistakes.

One file per case, in right/ or wrong/ below the assignment's catalog folder (assignments/<id>/catalog). A case is a small program
overriding one or more graded functions (see nnkit.submissions); it is parsed, never
imported. A wrong case names, in FAILS, the grade cells its mistake must lose points on,
and in DIAGNOSIS what to tell a student whose code behaves the same (see nnkit.diagnosis). It may
add, in SYMPTOMS, how the sentences begin that name its mistake by its symptoms when the catalog
does not hold it (nnkit.diagnosis.symptoms): what `nnkit accuracy` accepts as its own mistake,
each case held out in turn.
"""
import ast
from dataclasses import dataclass
from pathlib import Path

LABELS = ("right", "wrong")


class CatalogError(Exception):
    """A case file that does not follow the format; the message names it."""


@dataclass(frozen=True)
class Case:
    name: str  # e.g. "wrong/init_all_zeros"
    label: str  # "right" or "wrong"
    summary: str  # the file's docstring: the mistake or the variation, in a student's terms
    fails: frozenset  # grade_ids a wrong case must lose points on (empty for a right one)
    diagnosis: str  # a wrong case: the likely mistake, said to the student ("dW1 is m times too large: ...")
    program: str  # the code a student would submit: everything but the docstring, FAILS, DIAGNOSIS and SYMPTOMS
    symptoms: tuple = ()  # how each sentence begins that names this mistake by its symptoms ("dW1 is m times")

    @property
    def student(self):
        """An nbgrader student id for this case."""
        return self.name.replace("/", "_")


def load(path):
    path = Path(path)
    label = path.parent.name
    text = path.read_text()
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        raise CatalogError(f"{path}: line {error.lineno}: {error.msg}") from None
    summary = ast.get_docstring(tree)
    if label not in LABELS or not summary:
        raise CatalogError(f"{path}: a case lives in right/ or wrong/ and opens with a one-line docstring.")
    facts, kept = {}, []
    for node in tree.body[1:]:
        target = [getattr(t, "id", None) for t in node.targets] if isinstance(node, ast.Assign) else []
        if target in (["FAILS"], ["DIAGNOSIS"], ["SYMPTOMS"]):
            facts[target[0]] = ast.literal_eval(node.value)
        else:
            kept.append(ast.get_source_segment(text, node, padded=True))
    fails, diagnosis = frozenset(facts.get("FAILS", ())), facts.get("DIAGNOSIS", "")
    symptoms = tuple(facts.get("SYMPTOMS", ()))
    if (label == "wrong") != bool(fails) or (label == "wrong") != bool(diagnosis) or (label == "right" and symptoms):
        raise CatalogError(f"{path}: a wrong case states FAILS (the grade cells it must fail) and DIAGNOSIS "
                           "(what to tell the student), and may state SYMPTOMS; a right one states none of them.")
    return Case(f"{label}/{path.stem}", label, summary.splitlines()[0], fails, diagnosis,
                "\n\n\n".join(kept) + "\n", symptoms)


def cases(folder):
    """Every case in the catalog at `folder` (an assignment's: assignments/<id>/catalog), right ones first, each group
    by name."""
    return [load(path) for label in LABELS for path in sorted((Path(folder) / label).glob("*.py"))]
