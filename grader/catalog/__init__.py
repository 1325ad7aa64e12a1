"""The catalog of known submissions: right ones written differently, and realistic mistakes.

One file per case, in right/ or wrong/ below this folder. A case is a small program
overriding one or more graded functions (see grader.submissions); it is parsed, never
imported. A wrong case names, in FAILS, the grade cells its mistake must lose points on.
"""
import ast
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).parent
LABELS = ("right", "wrong")


class CatalogError(Exception):
    """A case file that does not follow the format; the message names it."""


@dataclass(frozen=True)
class Case:
    name: str  # e.g. "wrong/init_all_zeros"
    label: str  # "right" or "wrong"
    summary: str  # the file's docstring: the mistake or the variation, in a student's terms
    fails: frozenset  # grade_ids a wrong case must lose points on (empty for a right one)
    program: str  # the code a student would submit: everything but the docstring and FAILS

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
    fails, kept = frozenset(), []
    for node in tree.body[1:]:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["FAILS"]:
            fails = frozenset(ast.literal_eval(node.value))
        else:
            kept.append(ast.get_source_segment(text, node, padded=True))
    if (label == "wrong") != bool(fails):
        raise CatalogError(f"{path}: a wrong case lists the grade cells it must fail in FAILS; a right one has none.")
    return Case(f"{label}/{path.stem}", label, summary.splitlines()[0], fails, "\n\n\n".join(kept) + "\n")


def cases(folder=FOLDER):
    """Every case in the catalog, right ones first, each group by name."""
    return [load(path) for label in LABELS for path in sorted((Path(folder) / label).glob("*.py"))]
