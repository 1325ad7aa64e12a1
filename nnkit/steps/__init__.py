"""The nbgrader steps the course's nbgrader_config.py puts in nbgrader's pipelines, one module per step."""
