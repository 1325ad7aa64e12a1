"""Mutation testing of an assignment's hidden tests: `nnkit mutants` (operators, then grading and the report)."""
