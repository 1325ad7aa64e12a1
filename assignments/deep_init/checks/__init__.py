"""The hidden checks of deep_init: the three starts (initialization) and the experiment run by the grader."""
