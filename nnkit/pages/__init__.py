"""What people read after grading: the class report (instructors) and the feedback page (students)."""
