"""Student submissions made from code: the release with its solution cells filled in by function name.

A "program" is Python source as a student would write it in a file. Each top-level
function whose name a solution cell defines replaces that cell; everything else
(imports, helper functions) goes first into the earliest of the replaced cells.
"""
import ast
import copy
import re

import nbformat

SOLUTION_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", re.MULTILINE)


class SubmissionError(Exception):
    """A program that cannot be placed in the notebook; the message says why."""


def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def solution_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code" and nbgrader_meta(cell).get("solution")]


def grade_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code" and nbgrader_meta(cell).get("grade")]


def defined_functions(source):
    """Names of the functions a piece of code defines at top level ([] if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]


def solution_program(source_nb):
    """The instructor's solution cells as one program, solution markers removed."""
    return "\n\n\n".join(SOLUTION_MARKER.sub("", cell.source).strip() for cell in solution_cells(source_nb))


def fill(release_nb, program, where="submission"):
    """A copy of release_nb with the program's functions in their solution cells, by name."""
    try:
        tree = ast.parse(program)
    except SyntaxError as error:
        raise SubmissionError(f"{where}: line {error.lineno}: {error.msg}; fix the syntax and try again.") from None
    nb = copy.deepcopy(release_nb)
    cell_of = {name: cell for cell in solution_cells(nb) for name in defined_functions(cell.source)}
    placed, preamble = {}, []
    for node in tree.body:
        code = ast.get_source_segment(program, node, padded=True)
        if getattr(node, "decorator_list", None):
            code = "\n".join("@" + ast.get_source_segment(program, d) for d in node.decorator_list) + "\n" + code
        if isinstance(node, ast.FunctionDef) and node.name in cell_of:
            placed[node.name] = code
        elif not (node is tree.body[0] and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            preamble.append(code)  # imports and helpers; the module docstring is dropped
    if not placed:
        raise SubmissionError(f"{where}: defines none of the notebook's functions "
                              f"({', '.join(cell_of)}); keep their names as given.")
    first = min(placed, key=lambda name: nb.cells.index(cell_of[name]))
    for name, code in placed.items():
        cell_of[name].source = "\n\n\n".join(preamble + [code]) if name == first else code
    return nb


def read_notebook(path):
    """Read a notebook, or fail with one line naming the file and the problem."""
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise SubmissionError(f"{path}: no such notebook; check the path.") from None
    except Exception as error:  # nbformat raises several types for corrupt files
        raise SubmissionError(f"{path}: not a readable notebook ({type(error).__name__}: {error}); "
                              "restore it from a backup or the release.") from None
