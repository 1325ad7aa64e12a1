"""Autograde submissions with nbgrader and read the grades back from its gradebook."""
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from nnkit.course import CourseError
from nnkit.submissions import nbgrader_meta


@dataclass
class Grades:
    """One student's autograded result: points per grade cell, in notebook order."""
    student: str
    cells: dict = field(default_factory=dict)  # grade_id -> (score, max_score)
    messages: dict = field(default_factory=dict)  # grade_id -> the error its test cell ended with
    course: Path = None  # the course it was autograded in

    @property
    def score(self):
        return sum(score for score, _ in self.cells.values())

    @property
    def max_score(self):
        return sum(most for _, most in self.cells.values())

    @property
    def failed(self):
        """grade_ids that lost points."""
        return [grade_id for grade_id, (score, most) in self.cells.items() if score < most]


def submit(course, student, nb):
    """Place a notebook as the student's submission, never overwriting one that is there."""
    path = course.submitted(student) / f"{course.assignment}.ipynb"
    if path.exists():
        raise CourseError(f"{path}: a submission is already there; it is never overwritten. "
                          "Move it away first if it should be replaced.")
    path.parent.mkdir(parents=True)
    nbformat.write(nb, str(path))
    return path


def grades(course, student, autograded=None):
    """The student's Grades, from the gradebook and their autograded notebook (read unless given)."""
    coursedir = course.api.coursedir
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        try:
            notebook = gradebook.find_submission_notebook(course.assignment, course.assignment, student)
        except MissingEntry:
            raise CourseError(f"{student}: no autograded submission of {course.assignment} in the gradebook; "
                              "run autograde for this student first.") from None
        order = {cell.name: index for index, cell in enumerate(notebook.notebook.grade_cells)}
        cells = sorted(notebook.grades, key=lambda grade: order.get(grade.name, len(order)))
        scores = {grade.name: (grade.score, grade.max_score) for grade in cells if grade.cell_type == "code"}
    return Grades(student, scores, messages(course, student, autograded), course.root)


def points(course):
    """{student: {grade_id: score}}: every submission of the assignment in the gradebook."""
    coursedir = course.api.coursedir
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        return {submission.student_id: {grade.name: grade.score for notebook in submission.notebooks
                                        for grade in notebook.grades}
                for submission in gradebook.assignment_submissions(course.assignment)}


def messages(course, student, nb=None):
    """grade_id -> "ErrorName: message" for each test cell that ended in an error in the autograded notebook."""
    nb = nb or nbformat.read(str(course.autograded(student) / f"{course.assignment}.ipynb"), as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: f"{output.ename}: {output.evalue}"
            for cell in nb.cells if nbgrader_meta(cell).get("grade")
            for output in cell.get("outputs", []) if output.output_type == "error"}


def table(results):
    """The grade table: one row per student with the score and the cells that lost points."""
    width = max([len("student")] + [len(result.student) for result in results])
    lines = [f"{'student':{width}}  {'score':>11}  lost points on"]
    for result in results:
        lost = ", ".join(result.failed) or "-"
        lines.append(f"{result.student:{width}}  {result.score:5g} / {result.max_score:<3g}  {lost}")
    return "\n".join(lines)
