"""`nnkit grade` without a kernel: the report (a reason per lost point, flags, nothing a terminal obeys), the
summary, and what the process owning the gradebook sends its workers.

End to end, with hostile submissions, in test_hostile.py.
"""
import pickle
import shutil

import pytest

from nnkit.verdict.findings import Reason
from nnkit.scaleout.batch import Outcome, Run, look_at, summary, table
from nnkit.course import Course, CourseError
from nnkit.scaleout.cluster import Cluster, ClusterError
from nnkit.scaleout.execution import execution_config
from nnkit.bubblewrap import SandboxUnavailable
from nnkit.grading import Answer, Grades, table as grade_table
from nnkit.scaleout.handoff import Dispatcher


def test_the_report_gives_each_lost_point_its_reason_and_keeps_escape_codes_out():
    # fails if a reason a submission wrote reaches the terminal with its escape codes or all its lines, or a lost
    # point, flag or stricter cell is left out of the report
    cells = {"init_shapes": (0, 1), "update_step": (0, 2), "predict_labels": (1, 1)}
    graded = Outcome("mallory", Grades("mallory", cells),
                     reasons={grade_id: Reason.parse(text) for grade_id, text in {
                         "init_shapes": "test failed: initialize_parameters raised \x1b[2JValueError\nmore",
                         "update_step": "timed out: cell 30 ran longer than 60 s"}.items()},
                     flags=["tampering put right: cell init_shapes was edited; graded as released"],
                     stricter=["init_shapes"])
    lines = table([graded, Outcome("eve", problem="unreadable: eve.ipynb: not a readable notebook")]).splitlines()
    assert lines[1].split() == ["mallory", "1", "/", "4"]
    assert lines[2].endswith("- init_shapes: test failed: initialize_parameters raised ?[2JValueError")
    assert lines[3].endswith("- update_step: timed out: cell 30 ran longer than 60 s")
    assert lines[4].endswith("! tampering put right: cell init_shapes was edited; graded as released")
    assert lines[5].endswith("~ the notebook's own run of the visible tests passed, the grader failed: init_shapes")
    assert lines[6].split()[:3] == ["eve", "not", "graded"] and "\x1b" not in "\n".join(lines)


def test_written_answers_count_once_graded_and_those_waiting_are_named_for_a_grader():
    # fails if an answer waiting for a grader counts as lost points (or as full marks), a grader's score is left out
    # of the total, its comment reaches the terminal with escape codes, or the waiting are not counted in the summary
    answers = {"why_a": Answer(None, 2), "why_b": Answer(1, 2, "Half: \x1b[2Jno numbers cited", by_a_grader=True),
               "why_c": Answer(1, 1)}
    waiting = Grades("ann", {"init_shapes": (1, 1)}, answers={"why_a": Answer(None, 2), "why_c": Answer(1, 1)})
    assert (waiting.score, waiting.max_score, waiting.waiting) == (2, 4, {"why_a": 2})
    assert not waiting.full_marks and not waiting.lost_points
    lines = table([Outcome("bob", Grades("bob", {"init_shapes": (1, 1)}, answers=answers))]).splitlines()
    assert lines[1].split() == ["bob", "3", "/", "6"]
    assert lines[2].endswith("- why_b: 1 / 2, graded by hand: Half: ?[2Jno numbers cited")
    assert lines[3].endswith("? written answers waiting for a grader: why_a")
    outcomes = [Outcome("ann", waiting, now=True), Outcome("bob", Grades("bob", {"init_shapes": (1, 1)},
                                                                         answers=answers), now=True)]
    found = summary(Run(outcomes, seconds=4)).splitlines()
    assert [line.split()[-1] for line in found[:3]] == ["2", "0", "1"]  # graded now, full marks, lost points
    assert "to grade by hand          2   written answers of 2 students" in "\n".join(found)


def test_the_demos_grade_table_names_written_answers_that_lost_points_and_counts_those_waiting():
    # fails if a student who lost points on a written answer shows "-" (nothing lost) beside a score short of full,
    # or the answers waiting for a grader go unmentioned
    blank = Grades("ann", {"init_shapes": (1, 1)},
                   answers={"why_a": Answer(0, 2, "No response."), "why_b": Answer(None, 1)})
    row = grade_table([blank]).splitlines()[1]
    assert row.split()[:4] == ["ann", "1", "/", "4"] and row.endswith("why_a (1 written answer waits for a grader)")


def test_the_summary_counts_what_the_run_did_and_names_what_it_could_not_grade():
    # fails if up-to-date submissions are counted as graded now (or in the per-submission time), or a submission
    # that could not be graded is counted without its name and reason
    full, lost = Grades("ada", {"a": (1, 1)}), Grades("bob", {"a": (0, 1)})
    outcomes = [Outcome("ada", full, now=True), Outcome("bob", lost, now=True, flags=["kernel died"]),
                Outcome("cy", full), Outcome("dee", problem="unreadable: dee.ipynb: not JSON")]
    lines = summary(Run(outcomes, seconds=10, where="2 local worker processes", executing=[4.0, 6.0])).splitlines()
    assert [line.split()[-1] for line in lines[:4]] == ["2", "1", "1", "1"]  # graded now, full, lost, flagged
    assert lines[4].split()[:4] == ["up", "to", "date", "1"] and lines[5].split()[:3] == ["not", "graded", "1"]
    assert lines[6] == "  dee: unreadable: dee.ipynb: not JSON"
    assert lines[7].endswith("10 s, 5.0 s per submission graded, with 2 local worker processes (a notebook took "
                             "5.0 s to execute on average)")


def test_workers_are_sent_only_the_settings_that_execute_a_notebook(course):
    # fails if the whole course config (Autograde, CourseDirectory and its paths) goes to the workers, or the
    # executing step's own settings (the 60 s timeout) are left behind
    sent = execution_config(course.api.config)
    assert sent["Execute"]["timeout"] == 60 and "Autograde" not in sent and "CourseDirectory" not in sent
    assert pickle.loads(pickle.dumps(sent)) == sent


def test_grading_in_parallel_refuses_a_course_whose_pipeline_is_not_sandboxed(course, tmp_path):
    # fails if a course whose config puts nbgrader's plain Execute back is graded anyway: its notebooks would run
    # unsandboxed, in the process that owns the gradebook
    scratch = course.scratch_copy(tmp_path / "course")
    with open(scratch.root / "nbgrader_config.py", "a") as config:
        config.write("\nc.Autograde.autograde_preprocessors = "
                     "Autograde.class_traits()['autograde_preprocessors'].default()\n")
    with pytest.raises(CourseError, match="no nnkit.steps.sandboxed_execute.SandboxedExecute step"):
        Dispatcher(Course(scratch.root, scratch.assignment), stamps={})


def test_a_submission_time_nbgrader_cannot_read_is_reported_by_name_before_grading(course, tmp_path):
    # fails if an unreadable timestamp.txt is left to crash nbgrader mid-run instead of being reported, or if
    # nbgrader's own time format is refused
    scratch = course.scratch_copy(tmp_path / "course")
    scratch.submitted("ada").mkdir(parents=True)
    shutil.copy(course.release_notebook, scratch.submitted("ada"))
    (scratch.submitted("ada") / "timestamp.txt").write_text("yesterday-ish")
    outcome = look_at(scratch, "ada")
    assert outcome.problem.startswith(f"{scratch.submitted('ada') / 'timestamp.txt'}: not a submission time")
    (scratch.submitted("ada") / "timestamp.txt").write_text("2026-11-29 10:00:00.000000 UTC")
    assert look_at(scratch, "ada").problem is None


class _Answers:
    """A stand-in Dask client whose workers answer `client.run` as given (an exception: that worker's error)."""

    def __init__(self, answers):
        self.answers = answers

    def run(self, function, *args, on_error="raise"):
        assert on_error == "return"  # the premise: one worker's error must not stop the others' answers
        return self.answers


def test_a_worker_dying_as_it_describes_its_sandbox_is_passed_over_and_one_that_cannot_sandbox_stops_the_run():
    # fails if a worker killed while it probes its sandbox (the nanny restarts it) ends the whole run with a
    # traceback, or a worker without bubblewrap is passed over as if it had died
    line = "Sandbox: bubblewrap 0.11.0"
    died = Cluster(_Answers({"tcp://a": line, "tcp://b": OSError("comm closed"), "tcp://c": line}), "3 workers")
    assert died.sandboxes({}) == {line: ["tcp://a", "tcp://c"]}
    unable = Cluster(_Answers({"tcp://a": line, "tcp://b": SandboxUnavailable("no bwrap here")}), "2 workers")
    with pytest.raises(ClusterError, match="a worker of 2 workers cannot grade: no bwrap here"):
        unable.sandboxes({})
