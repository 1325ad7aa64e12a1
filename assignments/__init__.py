"""Each assignment's grader-side content, a package per assignment: checks, catalog, reference math.

Never under source/<id>/ (nbgrader copies every file there into the release).
"""
