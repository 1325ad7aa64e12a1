"""The grader side of the shallow network kit: what grading does, one module per job.

- course: where nbgrader keeps each thing, and nbgrader's API bound to the course
- points: shows each test cell's points (from its metadata) in the student release
- release: generates the release with nbgrader, checks the committed one is current and leak-free
- submissions: builds submissions from code, filling solution cells by function name
- catalog: known right and wrong submissions, the grade cells each wrong one must fail, and its diagnosis
- grading: autogrades with nbgrader and reads the grades and messages back
- batch: grades a class (`nnkit grade`): only what changed, many at a time, a reason per lost point, a summary
- report: the class report `nnkit grade` writes: scores, each cell's pass rate, who needs a person, the time
- feedback: what a student reads: nbgrader's feedback page opening with each lost point's message, no hidden test
- freshness: which submissions need grading: a stamp of the files each was graded from
- handoff: nbgrader's autograde in the one process that owns the gradebook, each notebook executed by a worker
- cluster: the workers: local processes, or a Dask cluster given by its scheduler's address
- execution: what a worker receives (the notebook and the given files, as data) and runs
- loopback: a Dask scheduler and workers as separate local processes, for the tests and the benchmark
- sandbox: the bubblewrap sandbox and limits a submission's kernel runs in
- trusted: nbgrader's Execute step, with the kernel sandboxed and every verdict computed in the grader
- remote: the notebook's functions as the grader calls them, in the sandboxed kernel
- wire: plain data (JSON, arrays in base64) between grader and kernel, and the kernel's side of the calls
- tampering: nbgrader's OverwriteCells, restoring cell roles and deleted cells reliably, reporting each change
- findings: what grading found about a submission (reasons, flags), kept in its autograded notebook
- accuracy: grades the whole catalog and holds each case against its label (`nnkit accuracy`)
- checks: the hidden checks, one module per graded function (checks.verify runs them)
- diagnosis: names the likely mistake when a check fails, by replaying its calls through the catalog
- reference: the network's math, computed independently, for the checks to compare against
- cli: the `nnkit` command
"""

import sys

# jsonschema (under nbformat and nbgrader) imports rfc3987-syntax, when installed, for IRI format checks that no
# schema here uses; building its grammar costs over a second in every process that grades, each worker included.
sys.modules.setdefault("rfc3987_syntax", None)
