"""nbgrader settings for the course. Only what differs from nbgrader's defaults."""
from nbgrader.converters import GenerateAssignment

from grader.points import ShowPoints

c = get_config()  # noqa: F821 (nbgrader provides it)

# Names the course in the gradebook.
c.CourseDirectory.course_id = "shallow_nn_course"

# Students see each test cell's points, read from its metadata (stated nowhere else).
c.GenerateAssignment.preprocessors = [ShowPoints, *GenerateAssignment.class_traits()["preprocessors"].default()]

# The slowest cell (the experiment, or its hidden checks) takes about 2 s here; 60 s leaves room
# for a slower grading machine while an endless loop in a submission still ends.
c.Execute.timeout = 60
