"""In a real browser: a trainer creates a cohort, imports trainees from a CSV file (a bad file
first), and reads the dashboard for the cohort; every trainer page passes axe-core at 1280 and
375 px without scrolling sideways."""

import datetime

from django.utils import timezone

import pytest

from core.choices import Role
from core.models import User
from courses.cohorts.models import Cohort, CohortMember
from tests.browser.conftest import BROWSER, sign_in
from tests.courses.factories import course_tree, training_index
from tests.factories import OrganisationFactory, UserFactory
from tests.scoring_practice.factories import AttemptFactory

pytestmark = BROWSER


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def test_a_trainer_creates_a_cohort_imports_a_file_and_reads_the_dashboard(
    tab, axe, live_home, tmp_path
):
    course = course_tree(
        index=training_index(live_home), modules=2, lessons=1, title="Stratified care"
    )
    OrganisationFactory(name="Kingsway Surgery", ods_code="Z20002")
    UserFactory(email="amara@example.com", full_name="Amara Bello")
    trainer = UserFactory(email="trainer@example.com", roles=[Role.TRAINER])
    sign_in(tab, trainer.email)

    tab.goto("/trainer/")
    tab.get_by_role("link", name="Cohorts").first.click()
    tab.get_by_role("link", name="Create a cohort").click()
    today = timezone.localdate()
    tab.get_by_label("Cohort name").fill("Northfield GPs, spring")
    tab.get_by_label("Course").select_option(label=course.title)
    tab.get_by_label("Starts on").fill(today.isoformat())
    tab.get_by_label("Ends on").fill((today + datetime.timedelta(days=90)).isoformat())
    assert axe(tab) == []
    tab.get_by_role("button", name="Create the cohort").click()
    tab.get_by_role("heading", name="Northfield GPs, spring").wait_for()

    bad = tmp_path / "bad.csv"
    bad.write_text("name,e-mail,profession,organisation\nOwen,not-an-email,GP,\n")
    tab.get_by_label("CSV file").set_input_files(str(bad))
    tab.get_by_role("button", name="Check and import").click()
    tab.get_by_text("Line 2: “not-an-email” is not an e-mail address.").wait_for()
    assert axe(tab) == []
    assert not CohortMember.objects.exists()

    good = tmp_path / "good.csv"
    good.write_text(
        "name,e-mail,profession,organisation\n"
        "Amara Bello,amara@example.com,GP,Kingsway Surgery\n"
        "Owen Price,owen@example.com,Physiotherapist,Z20002\n"
    )
    tab.get_by_label("CSV file").set_input_files(str(good))
    tab.get_by_role("button", name="Check and import").click()
    # Everyone is invited alike, account or not; they join when they accept.
    tab.get_by_text("Imported: 2 invited by e-mail").wait_for()
    assert tab.get_by_text("owen@example.com").is_visible()
    assert axe(tab) == []
    cohort_page = tab.url

    tab.context.clear_cookies()
    sign_in(tab, "amara@example.com")
    tab.goto("/my-learning/invitations/")
    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 900})
        assert axe(tab) == [], width
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
    tab.get_by_role("button", name="Accept and join Northfield GPs, spring").click()
    tab.get_by_text("You have joined Northfield GPs, spring").wait_for()
    tab.context.clear_cookies()
    sign_in(tab, trainer.email)
    tab.goto(cohort_page)
    assert tab.get_by_role("cell", name="Amara Bello").is_visible()

    tab.goto("/trainer/")
    tab.get_by_label("Cohort").select_option(label="Northfield GPs, spring")
    tab.get_by_role("button", name="Show").click()
    tab.get_by_role("heading", name="Module by module").wait_for()
    assert tab.locator(".app-stats__item").first.inner_text().startswith("1")
    assert tab.get_by_role("img", name="Trainees completing each module").is_visible()
    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 900})
        assert axe(tab) == [], width
        assert tab.evaluate("document.documentElement.scrollWidth") <= width

    # Every other trainer page, with something on it.
    amara = User.objects.get(email="amara@example.com")
    AttemptFactory(
        user=amara,
        reference={
            "title": "Margaret, 67",
            "mode": "consultation",
            "risk": "medium",
            "items": {"1": "agree", "9": "moderately"},
        },
        answers={"items": {"1": "disagree", "9": "very_much"}, "risk": "high"},
        mistakes=["item9_moderately"],
        outcome_correct=False,
    )
    cohort = Cohort.objects.get()
    for path in (
        "/trainer/trainees/",
        f"/trainer/trainees/{amara.pk}/",
        "/trainer/quizzes/",
        "/trainer/practice/",
        "/trainer/marking/",
        "/trainer/cohorts/",
        f"/trainer/cohorts/{cohort.pk}/",
    ):
        tab.goto(path)
        for width in (1280, 375):
            tab.set_viewport_size({"width": width, "height": 900})
            assert axe(tab) == [], (path, width)
            assert tab.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
