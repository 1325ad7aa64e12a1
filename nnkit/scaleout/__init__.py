"""A class graded at scale: nbgrader in one process, notebooks executed by workers, only what changed."""
