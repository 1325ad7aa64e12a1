"""The trusted verdict: each test cell judged in the grader, the student's code called in the kernel."""
