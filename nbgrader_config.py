"""nbgrader settings for the course. Only what differs from nbgrader's defaults."""
from nbgrader.converters import Autograde, GenerateAssignment, GenerateFeedback
from nbgrader.preprocessors import Execute, GetGrades, OverwriteCells, OverwriteKernelspec

from nnkit.pages import feedback
from nnkit.steps import tampering, sandboxed_execute as trusted
from nnkit.steps.markup_as_text import MarkupAsText
from nnkit.steps.show_points import ShowPoints

c = get_config()  # noqa: F821 (nbgrader provides it)

# Names the course in the gradebook.
c.CourseDirectory.course_id = "shallow_nn_course"

# Students see each test cell's points, read from its metadata (stated nowhere else).
c.GenerateAssignment.preprocessors = [ShowPoints, *GenerateAssignment.class_traits()["preprocessors"].default()]

# A test cell a student deleted is put back and graded, instead of silently scoring 0.
c.OverwriteCells.add_missing_cells = True

# What a submission changed in the cells it may not change is put back, as nbgrader does, and reported.
# Markup a student wrote in a text cell is shown as text, not run, in formgrader and on the feedback page.
KIT_STEPS = {OverwriteCells: tampering.OverwriteCells, OverwriteKernelspec: tampering.OverwriteKernelspec}
c.Autograde.sanitize_preprocessors = [tampering.CleanMetadata] + [
    KIT_STEPS.get(step, step) for step in Autograde.class_traits()["sanitize_preprocessors"].default()] + [MarkupAsText]

# Submissions run sandboxed, and each test cell's verdict is computed by the grader, not in the kernel.
c.Autograde.autograde_preprocessors = [trusted.SandboxedExecute if step is Execute else step
                                       for step in Autograde.class_traits()["autograde_preprocessors"].default()]

# Feedback opens with what to fix, each lost point's message in plain words (from the scores GetGrades reads and
# the written answers' grades and comments ReadAnswers reads); hidden tests are not shown, markup a student or a
# grader wrote is shown as text.
steps = GenerateFeedback.class_traits()["preprocessors"].default()
after = steps.index(GetGrades) + 1
c.GenerateFeedback.preprocessors = [*steps[:after], feedback.ReadAnswers, feedback.WhatToFix,
                                    MarkupAsText, feedback.ClearHiddenTestsOfGradeCells, *steps[after:]]
c.GenerateFeedback.exporter_class = feedback.FeedbackExporter
c.FeedbackExporter.template_file = feedback.TEMPLATE
c.FeedbackExporter.extra_template_basedirs = feedback.TEMPLATE_DIRS

# The slowest cell (training for 10000 iterations) takes under 1 s here; 60 s leaves room for a
# slow grading machine, and an endless loop in a submission still ends.
c.Execute.timeout = 60
