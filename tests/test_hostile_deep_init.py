"""The hostile catalog aimed at the second assignment: every attack that needs no work of the first, riding in
deep_init's first function, graded by `nnkit grade` beside honest students (tests/hostile_class.py)."""
import pytest

import hostile_class
from nnkit.course import Course
from nnkit.diagnosis import catalog
from nnkit.grading import grades
from nnkit.submissions import read_notebook
from test_hostile import LEAKS, _report_block

pytestmark = pytest.mark.slow
ATTACKS = hostile_class.aimed_at("initialize_parameters_zeros(layer_dims)")
HONEST = {"a_honest_solution": "solution", "b_honest_blank": "blank"}


@pytest.fixture(scope="module")
def batch(course, tmp_path_factory):
    deep = Course(course.root, "deep_init")
    return hostile_class.grade(deep, catalog.cases(deep.catalog), read_notebook(deep.release_notebook),
                               tmp_path_factory.mktemp("hostile_deep_init"), attacks=ATTACKS, honest=HONEST)


def test_most_of_the_catalog_can_be_aimed_at_another_assignment():
    # fails if the aiming quietly drops the attacks (then the tests below would pass on next to nothing)
    assert len(ATTACKS) >= 15


@pytest.mark.parametrize("attack", ATTACKS, ids=[attack["name"] for attack in ATTACKS])
def test_an_attack_on_the_second_assignment_earns_its_honest_work_and_is_reported(batch, attack):
    # fails if an attack earns other than its honest (blank) work, or its report says other than its case states
    scratch, run, _, _ = batch
    every = set(grades(scratch, "a_honest_solution").cells)
    assert hostile_class.misjudged(attack, scratch, lambda name: _report_block(run.stdout, name),
                                   {"solution": set(), "blank": every}.get) == []
    solution = grades(scratch, "a_honest_solution")
    assert every and solution.score == solution.max_score  # the honest student beside the attacks grades as alone


def test_the_course_outside_the_students_folders_is_unchanged_and_nothing_leaks(batch):
    # fails if an attack on deep_init reaches the course, or an output shows its hidden tests or solutions
    scratch, _, before, after = batch
    assert hostile_class.changed_outside_the_students(before, after) == []
    for notebook in (scratch.root / "autograded").glob("*/*/*.ipynb"):
        outputs = str([cell.get("outputs", "") for cell in read_notebook(notebook).cells])
        assert not [leak for leak in LEAKS if leak in outputs], f"{notebook}: an output shows one of {LEAKS}"
