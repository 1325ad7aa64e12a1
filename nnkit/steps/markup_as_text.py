"""Show markup a student or a grader wrote as text, wherever the submission is rendered.

A submission's text cells (a written answer, or the instructor's prose a student edited) are
markdown, and nbconvert renders markdown with its HTML live: in stock nbgrader a written answer
`<script>...</script>` runs in the browser of the grader who opens it in formgrader (logged in,
so it may use formgrader's API as the grader), and again in the student's feedback page. This
step escapes every `<` that would open a tag, a comment or a declaration, so the markup reads as
text and runs nowhere; a `<` that opens nothing (`l < L`) is left as written. It runs twice:
in autograde's sanitizing steps, so the autograded notebook formgrader renders is already safe,
and in generate_feedback, where it also escapes the graders' comments (nbgrader's template
renders them as markdown too). Escaping is idempotent: `&lt;` opens nothing.
"""
import re

from nbgrader.preprocessors import NbGraderPreprocessor

MARKUP = re.compile(r"<(?=[A-Za-z/!?])")


def as_text(text):
    return MARKUP.sub("&lt;", text)


class MarkupAsText(NbGraderPreprocessor):
    """Escape the markup in every markdown cell and in every grader's comment (cell.metadata.nbgrader.comment)."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            cell.source = as_text(cell.source)
        meta = cell.metadata.get("nbgrader", {})
        if isinstance(meta.get("comment"), str):
            meta["comment"] = as_text(meta["comment"])
        return cell, resources
