"""Factories for the practice section: index and vignette pages, attempts and drill answers."""

import uuid
from datetime import timedelta

from django.utils import timezone

import factory
import wagtail_factories

from scoring_practice.choices import Difficulty, ProfessionFocus, VignetteMode
from scoring_practice.models import Attempt, DrillAnswer, PracticeIndexPage, VignettePage
from tests.factories import UserFactory

# A consistent consultation case: items 1–4 agreed, 5–8 disagreed, item 9 "moderately":
# total 4, subscale 0 -> medium risk.
MEDIUM_ITEMS = {
    1: "agree",
    2: "agree",
    3: "agree",
    4: "agree",
    5: "disagree",
    6: "disagree",
    7: "disagree",
    8: "disagree",
    9: "moderately",
}

# On the boundaries: items 1, 5, 6 and 7 agreed, item 9 "moderately": total 4, subscale 3 ->
# medium risk.
BOUNDARY_ITEMS = {
    1: "agree",
    2: "disagree",
    3: "disagree",
    4: "disagree",
    5: "agree",
    6: "agree",
    7: "agree",
    8: "disagree",
    9: "moderately",
}


def reference_fields(items: dict[int, str]) -> dict:
    """VignettePage keyword arguments for these reference answers, each with a rationale."""
    fields = {}
    for number, value in items.items():
        fields[f"reference_item_{number}"] = value
        fields[f"reference_rationale_{number}"] = f"Rationale for item {number}."
    return fields


def questionnaire_block(items: dict[int, str]) -> tuple[str, dict]:
    return ("questionnaire", {f"item_{n}": value for n, value in items.items()})


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PracticeIndexPage

    title = "Practise scoring"
    slug = "practice"
    intro = "<p>Case vignettes and the scoring drill.</p>"


class VignettePageFactory(wagtail_factories.PageFactory):
    """A consistent medium-risk consultation vignette (pass other fields to change it)."""

    class Meta:
        model = VignettePage

    # Built as a draft: tests that need it live publish it, which runs the consistency check.
    live = False
    title = factory.Sequence(lambda n: f"Case {n}: a warehouse worker with back pain")
    patient_age = 44
    patient_occupation = "Warehouse worker"
    presentation = "Low back pain for three weeks after lifting"
    story = factory.LazyFunction(
        lambda: [
            ("narrative", "<p>Mr Khan hurt his back lifting boxes at work.</p>"),
            ("patient_quote", {"quote": "It goes down my leg.", "attribution": "Mr Khan"}),
            ("examination", {"heading": "Examination", "findings": "<p>Tender L4/5.</p>"}),
        ]
    )
    difficulty = Difficulty.INTRODUCTORY
    profession_focus = ProfessionFocus.ANY
    mode = VignetteMode.CONSULTATION
    red_flags = factory.LazyFunction(list)
    red_flag_action = ""
    reference_risk = "medium"
    reference_treatment = "medium"
    reference_treatment_rationale = "Physical obstacles without high distress: physiotherapy."

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        items = {n: kwargs.pop(f"reference_item_{n}", MEDIUM_ITEMS[n]) for n in MEDIUM_ITEMS}
        rationales = {n: kwargs.pop(f"reference_rationale_{n}", None) for n in MEDIUM_ITEMS}
        fields = reference_fields(items)
        for n, text in rationales.items():
            if text is not None:
                fields[f"reference_rationale_{n}"] = text
        return {**fields, **kwargs}


def vignette_publish(**kwargs) -> VignettePage:
    """A vignette created and published through its revision, as an editor would."""
    page = VignettePageFactory(**kwargs)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class AttemptFactory(factory.django.DjangoModelFactory):
    """A stored attempt (for lists and query counts; real attempts go through the service)."""

    class Meta:
        model = Attempt

    user = factory.SubFactory(UserFactory)
    page = None
    token = factory.LazyFunction(uuid.uuid4)
    reference = factory.LazyAttribute(
        lambda o: (
            o.page.reference().to_json()
            if o.page
            else {"title": "Old case", "mode": "consultation"}
        )
    )
    answers = factory.LazyFunction(
        lambda: {
            "items": None,
            "total": 4,
            "psychosocial": 0,
            "risk": "medium",
            "treatment": "medium",
        }
    )
    treatment_correct = True
    outcome_correct = True
    risk_correct = True
    items_correct = 9
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=3))
    submitted_at = factory.LazyFunction(timezone.now)
    time_taken = factory.LazyAttribute(lambda o: o.submitted_at - o.started_at)


class DrillAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DrillAnswer

    user = factory.SubFactory(UserFactory)
    token = factory.LazyFunction(uuid.uuid4)
    answers = factory.LazyFunction(lambda: {str(n): v for n, v in MEDIUM_ITEMS.items()})
    total = 4
    psychosocial = 0
    risk = "medium"
    given_risk = "medium"
    correct = True
    streak = 1
