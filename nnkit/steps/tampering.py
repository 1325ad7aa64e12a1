"""Put back what a submission changed in the cells it may not change, and say what it was.

The kit's CleanMetadata drops malformed nbgrader metadata before nbgrader's steps read it;
its OverwriteKernelspec is nbgrader's, noting a kernel of another language. Its
OverwriteCells is nbgrader's, with three things added:
- it restores each known cell's role (grade, solution, locked) from the gradebook first,
  where nbgrader would trust the submission's metadata (a test cell marked as a solution
  made nbgrader stop with "Inconsistent checksums");
- it puts a deleted grade cell, or a deleted locked cell (the instructor's code the tests
  rely on), back after the nearest cell before it that is still there (nbgrader's own
  placement fails when that cell is not a grade or solution cell, and it puts back no
  locked cell);
- it keeps a line for each thing it put right, in the notebook's metadata
  (nnkit.verdict.findings), where grading picks them up as flags for a person to look at.
"""

import uuid
from pathlib import Path

from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import OverwriteCells as NbgraderOverwriteCells
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.preprocessors import OverwriteKernelspec as NbgraderOverwriteKernelspec

from nnkit.verdict.findings import KEY
from nnkit.submissions import nbgrader_meta
from nnkit.verdict.testcells import HIDDEN_TESTS

PUT_RIGHT = "tampering put right"  # how each change reported opens
CHANGES = "nnkit_changes"  # where the sanitizing steps pass their findings along, in nbconvert's resources
TYPES = {"grade_id": str, "grade": bool, "solution": bool, "locked": bool, "task": bool, "points": (int, float),
         "schema_version": int, "checksum": str, "cell_type": str}


class CleanMetadata(NbGraderPreprocessor):
    """First of all: a cell's nbgrader metadata of the wrong shape or types is dropped (nbgrader's steps assume it
    well formed, and crash otherwise). The cell becomes an ordinary one; a grade cell is then put back as missing."""

    def preprocess(self, nb, resources):
        for index, cell in enumerate(nb.cells):
            meta = cell.get("metadata", {}).get("nbgrader")
            if meta is not None and not _well_formed(meta):
                del cell.metadata["nbgrader"]
                resources.setdefault(CHANGES, []).append(f"cell {index}'s nbgrader metadata was malformed; dropped")
        return nb, resources


def _well_formed(meta):
    return (isinstance(meta, dict) and isinstance(meta.get("grade_id"), str) and meta["grade_id"] != ""
            and all(isinstance(meta[key], kind) for key, kind in TYPES.items() if key in meta))


class OverwriteKernelspec(NbgraderOverwriteKernelspec):
    """nbgrader's OverwriteKernelspec, noting a kernel of another language (a kernel's name varies innocently)."""

    def preprocess(self, nb, resources):
        submitted = nb.metadata.get("kernelspec", {}).get("language")
        nb, resources = super().preprocess(nb, resources)
        if submitted != nb.metadata.get("kernelspec", {}).get("language"):
            resources.setdefault(CHANGES, []).append(
                f"the notebook's kernel language was changed to {submitted!r}; graded with the assignment's")
        return nb, resources


class OverwriteCells(NbgraderOverwriteCells):
    """nbgrader's OverwriteCells, restoring cell roles and deleted grade cells reliably, and reporting each change."""

    def preprocess(self, nb, resources):
        submitted = Path(resources["metadata"]["path"]) / f"{resources['nbgrader']['notebook']}.ipynb"
        if through_a_link(submitted, CourseDirectory(config=self.config).root):
            raise ValueError(f"{submitted}: reached through a symbolic link; only regular files are graded.")
        self._changes = resources.pop(CHANGES, [])
        self._cells = None  # read from the gradebook when first needed (_released)
        for index, cell in enumerate(nb.cells):
            if cell.metadata.get("nbgrader") == {}:  # nbgrader's DeduplicateIds leaves this of a repeated grade id
                del cell.metadata["nbgrader"]
                self._changes.append(f"cell {index} repeated another cell's grade id; made an ordinary cell")
        before = _cell_ids(nb)
        nb.metadata.pop(KEY, None)  # a submission's own "findings" are not findings
        nb, resources = super().preprocess(nb, resources)
        after = {nbgrader_meta(cell)["grade_id"]: cell for cell in nb.cells if "grade_id" in nbgrader_meta(cell)}
        self._changes += [f"{'grade' if nbgrader_meta(after[name]).get('grade') else 'locked'} cell {name} was "
                          "missing; put back" for name in sorted(set(after) - before)]
        nb.metadata[KEY] = {"tampering": [f"{PUT_RIGHT}: {change}" for change in self._changes]}
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        meta = nbgrader_meta(cell)
        name = meta.get("grade_id")
        if name is None:
            return super().preprocess_cell(cell, resources, index)
        released = self._released()
        source = released["source"].get(name)
        if source is None:
            self._changes.append(f"a cell claimed the unknown grade id {name!r}; made an ordinary cell")
            del cell.metadata["nbgrader"]
            return cell, resources
        roles = {"locked": source.locked, "grade": name in released["grade"], "solution": name in released["solution"]}
        for role, value in roles.items():
            if bool(meta.get(role, False)) != value:
                self.report_change(name, role, value, meta.get(role))
                meta[role] = value
        if source.locked and _visible(cell.source) != _visible(source.source):
            self._changes.append(f"cell {name} was edited; graded as released")
        return super().preprocess_cell(cell, resources, index)

    def _released(self):
        """The notebook's cells as the gradebook holds them, read once per notebook: a query per cell costs."""
        if self._cells is None:
            notebook = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
            self._cells = {"source": {cell.name: cell for cell in notebook.source_cells},
                           "grade": {cell.name for cell in notebook.grade_cells},
                           "solution": {cell.name for cell in notebook.solution_cells}}
        return self._cells

    def report_change(self, name, attr, old, new):
        super().report_change(name, attr, old, new)
        if attr != "checksum":  # a released test cell lacks its hidden tests, so its checksum always differs
            self._changes.append(f"cell {name}'s {attr} was changed to {new!r}; graded as released")

    def add_missing_grade_cells(self, nb, resources):
        """Each grade cell and locked cell the submission lacks, put back after the nearest earlier cell it has."""
        notebook = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        order = [cell.name for cell in notebook.source_cells]
        solutions = {cell.name for cell in notebook.solution_cells}
        points = {cell.name: cell.max_score for cell in notebook.grade_cells}
        for source in notebook.source_cells:
            present = {nbgrader_meta(cell).get("grade_id"): index for index, cell in enumerate(nb.cells)}
            if source.name in present or not (source.name in points or source.locked):
                continue
            self.log.warning("Missing cell %s encountered, adding to notebook", source.name)
            earlier = [present[name] for name in order[:order.index(source.name)] if name in present]
            cell = self.missing_cell_transform(source, points.get(source.name, 0), is_solution=source.name in solutions)
            if source.name not in points:  # a locked cell of the instructor's, not graded
                cell["metadata"]["nbgrader"]["grade"] = False  # nbgrader builds its metadata as plain dicts
                cell["metadata"]["nbgrader"].pop("points")
            cell.setdefault("id", uuid.uuid4().hex[:8])  # nbformat 4.5 cells have one; nbgrader's copy lacks it
            nb.cells.insert(max(earlier, default=-1) + 1, cell)
        return nb, resources


def through_a_link(path, root):
    """Whether the path, below the course root, passes a symbolic link: it could stand for any file of the course,
    the instructor's notebook included."""
    path, root = Path(path).absolute(), Path(root).absolute()
    return any(part.is_symlink() for part in [path, *path.parents] if part.is_relative_to(root) and part != root)


def _visible(source):
    """A test cell's code as the release shows it: no hidden tests, no blank lines."""
    text = HIDDEN_TESTS.sub("", source)
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def _cell_ids(nb):
    return {nbgrader_meta(cell)["grade_id"] for cell in nb.cells if "grade_id" in nbgrader_meta(cell)}
