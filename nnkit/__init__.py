"""nnkit: grading nbgrader assignments trusted, sandboxed and at scale. One subpackage per part of grading.

- course, submissions, release, grading, accuracy, cli (__main__): the course directory and its
  assignments (nbgrader's API bound to it), submissions made from code, the release checked, grades
  read back, the catalog graded against its labels, the `nnkit` command
- steps: the nbgrader steps named in nbgrader_config.py (the sandboxed execute step, tampering
  put right, points shown in the release)
- sandbox, kernels, warm, zygote: the bubblewrap sandbox and limits a submission's kernel runs in; its
  kernel manager; kernels forked warm from a sandboxed zygote that imported their modules once
- verdict: the trusted verdict: test cells judged in the grader (testcells), the notebook's
  functions called in the kernel (remote) over plain data (wire), the same without a kernel for
  trusted code (inprocess), and what grading found (findings)
- checking, errors, quiet: what an assignment's checks are made of and `verify`, which runs them
- diagnosis: the likely mistake, by replaying a failed check's calls through the assignment's catalog
- scaleout: a class graded at scale (batch), nbgrader in one process (handoff), notebooks executed
  by workers (execution, cluster, forked from a forkserver), only what changed (freshness)
- pages: the class report and the feedback page, with their templates

An assignment's own grader-side content (its checks, catalog and reference math) lives in the
course, in assignments/<id>/, never in the engine.
"""

import sys

# jsonschema (under nbformat and nbgrader) imports rfc3987-syntax, when installed, for IRI format checks that no
# schema here uses; building its grammar costs over a second in every process that grades, each worker included.
sys.modules.setdefault("rfc3987_syntax", None)
