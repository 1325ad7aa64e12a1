"""Show each graded cell's points to students, read from the cell's nbgrader metadata, and say what it checks.

Points are stated once, in the metadata; at release time this preprocessor writes them
into the test cell's opening docstring ("... (2 points)"), and above a written answer's
stub ("*Your answer (2 points, graded by a person):*"). It runs before nbgrader saves the
cells to the gradebook, so autograde restores the same text.
"""
import re

from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade

DOCSTRING = re.compile(r'\A"""(?P<text>.*?)(?P<stop>\.?)"""')
SHOWN = re.compile(r" \([\d.]+ points?\)(?=\.?$)")  # what ShowPoints appends
ANSWER_LABEL = "*Your answer ({}, graded by a person):*\n\n"  # what ShowPoints puts above a written answer


def points_label(points):
    points = float(points)
    number = int(points) if points.is_integer() else points
    return f"{number} point" if points == 1 else f"{number} points"


class ShowPoints(NbGraderPreprocessor):
    """Append "(N points)" to the opening docstring of every graded code cell; put the points above every written
    answer a person grades."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown" and is_grade(cell):
            cell.source = ANSWER_LABEL.format(points_label(cell.metadata.nbgrader["points"])) + cell.source
        elif cell.cell_type == "code" and is_grade(cell):
            label = points_label(cell.metadata.nbgrader["points"])
            cell.source, found = DOCSTRING.subn(rf'"""\g<text> ({label})\g<stop>"""', cell.source, count=1)
            if not found:
                self.log.warning("Test cell %s has no opening one-line docstring to show its points in.",
                                 cell.metadata.nbgrader["grade_id"])
        return cell, resources


def what_it_asks(cells, index):
    """What the written answer at cells[index] answers: the heading (or first line) of the text above it, without a
    closing remark in parentheses."""
    for cell in reversed(cells[:index]):
        if cell.cell_type == "markdown" and cell.source.strip() and not is_grade(cell):
            line = cell.source.strip().splitlines()[0].lstrip("#").strip()
            return re.sub(r"\s*\([^()]*\)$", "", line)
    return ""


def what_it_checks(cell):
    """A test cell's opening one-line docstring, without the points shown in it ('' if it has none)."""
    found = DOCSTRING.match(cell.source) if cell.cell_type == "code" else None
    return SHOWN.sub("", found["text"] + found["stop"]) if found else ""
