"""Autograde submissions with nbgrader and read the grades back from its gradebook.

A submission's grades are of two kinds: test cells the kit grades (`Grades.cells`), and written
answers a person grades in formgrader (`Grades.answers`: nbgrader's manually graded answer
cells). An answer waits for a grader until formgrader saves a score for it; nbgrader gives an
answer left as released ("YOUR ANSWER HERE") 0 points at once, with no grader needed.
"""
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from nnkit.course import CourseError
from nnkit.submissions import nbgrader_meta


@dataclass(frozen=True)
class Answer:
    """A written answer a person grades: its score (None while it waits for a grader), its points, and the comment
    on it: the grader's, else nbgrader's own ("No response." for an answer left as released)."""
    score: float | None
    points: float
    comment: str = ""
    by_a_grader: bool = False  # whether the comment is a grader's

    @property
    def lost(self):
        return self.score is not None and self.score < self.points


@dataclass
class Grades:
    """One student's result: points per test cell and per written answer, in notebook order."""
    student: str
    cells: dict = field(default_factory=dict)  # test cells: grade_id -> (score, max_score)
    messages: dict = field(default_factory=dict)  # grade_id -> the error its test cell ended with
    course: Path = None  # the course it was autograded in
    answers: dict = field(default_factory=dict)  # written answers: grade_id -> Answer

    @property
    def score(self):
        """Points earned so far (nbgrader's score: an answer waiting for a grader counts 0)."""
        return (sum(score for score, _ in self.cells.values()) +
                sum(answer.score or 0 for answer in self.answers.values()))

    @property
    def max_score(self):
        return sum(most for _, most in self.cells.values()) + sum(answer.points for answer in self.answers.values())

    @property
    def failed(self):
        """Test cells (grade_ids) that lost points."""
        return [grade_id for grade_id, (score, most) in self.cells.items() if score < most]

    @property
    def waiting(self):
        """{grade_id: points} of the written answers a grader has yet to score."""
        return {grade_id: answer.points for grade_id, answer in self.answers.items() if answer.score is None}

    @property
    def lost_points(self):
        """Whether a point is lost (an answer waiting for a grader has lost none yet)."""
        return self.score + sum(self.waiting.values()) < self.max_score

    @property
    def full_marks(self):
        return not self.waiting and self.score == self.max_score


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
        found = answers(notebook, cells)
    return Grades(student, scores, messages(course, student, autograded), course.root, found)


def answers(notebook, grades=None):
    """{grade_id: Answer} of the written answers of nbgrader's SubmittedNotebook (in the order of `grades`, its
    Grades, if given)."""
    comments = {comment.name: comment for comment in notebook.comments}
    return {grade.name: _answer(grade, comments.get(grade.name)) for grade in grades or notebook.grades
            if grade.cell_type != "code"}


def _answer(grade, comment):
    """The Answer of a written answer's nbgrader Grade and Comment (None if it has none)."""
    waiting = grade.needs_manual_grade and grade.manual_score is None
    by_a_grader = bool(comment is not None and comment.manual_comment)
    return Answer(None if waiting else grade.score, grade.max_score, (comment.comment or "") if comment else "",
                  by_a_grader)


def marks(notebook):
    """A digest of what a person may change in a submitted notebook's grades in formgrader (scores, comments, extra
    credit, a late penalty): a feedback page made with other marks is out of date. `notebook`: nbgrader's
    SubmittedNotebook."""
    seen = sorted((grade.name, grade.score, grade.extra_credit, grade.needs_manual_grade) for grade in notebook.grades)
    said = sorted((comment.name, comment.comment) for comment in notebook.comments)
    return hashlib.sha256(repr((seen, said, notebook.late_submission_penalty)).encode()).hexdigest()[:16]


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
    """The grade table: one row per student with the score and the cells that lost points (test cells, then written
    answers: the demo's students leave theirs as released), and how many answers wait for a grader."""
    width = max([len("student")] + [len(result.student) for result in results])
    lines = [f"{'student':{width}}  {'score':>11}  lost points on"]
    for result in results:
        answered = [grade_id for grade_id, answer in result.answers.items() if answer.lost]
        lost = ", ".join(result.failed + answered) or "-"
        waiting = len(result.waiting)
        lines.append(f"{result.student:{width}}  {result.score:5g} / {result.max_score:<3g}  {lost}" +
                     (f" ({waiting} written {'answer waits' if waiting == 1 else 'answers wait'} for a grader)"
                      if waiting else ""))
    return "\n".join(lines)
