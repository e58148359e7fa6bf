"""Demo answers for the demo trainer's trainees, so the quiz statistics and the practice insight
have something to show: each clinician in the trainer's scope answers the first module's quiz,
a handful of case vignettes and a few drill cases. Everything goes through the services a
trainee's own answers go through, with a fixed pattern of slips (over-scoring item 9, missing an
item, the wrong group, stratifying a red-flag case), so the feedback and mistakes are real.
Idempotent: a clinician who has answered already is left alone."""

from __future__ import annotations

import datetime
import random
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.models import User
from courses.cohorts.scope import trainees_in_scope
from courses.learning.models import CoursePage
from courses.learning.selectors import course_modules_live
from courses.quiz.choices import QuestionType
from courses.quiz.models import Quiz, SittingAnswer
from courses.quiz.services import sitting_answer, sitting_start
from scoring_practice import drill, startback
from scoring_practice.choices import REFERRAL, VignetteMode
from scoring_practice.feedback import Submission
from scoring_practice.models import Attempt, DrillAnswer, VignettePage
from scoring_practice.reference import Reference
from scoring_practice.services import attempt_submit, drill_answer_record
from scoring_practice.tickets import Ticket

CASES_EACH = 4
DRILLS_EACH = 3
# The slip of choosing a neighbouring group: one up, or one down from high.
NEIGHBOUR = {"low": "medium", "medium": "high", "high": "medium"}


def _stratified(reference: Reference, items: dict[int, str], risk: str | None = None) -> Submission:
    """A trainee who scored these answers and chose a group (their own, unless `risk`)."""
    scored = startback.score(items)
    group = risk or scored.risk.value
    return Submission(
        stratifiable=True if reference.mode == VignetteMode.TRIAGE else None,
        items=None if reference.mode == VignetteMode.QUESTIONNAIRE else items,
        total=scored.total,
        psychosocial=scored.psychosocial,
        risk=group,
        treatment=group,
    )


def _submission(reference: Reference, slip: int) -> Submission:
    items = dict(reference.items)
    if not reference.stratifiable:
        if slip == 4:  # missed the red flag and stratified
            return _stratified(reference, items)
        return Submission(
            stratifiable=False,
            red_flags=reference.red_flags,
            urgency=reference.red_flag_urgency,
            destination=reference.red_flag_destination,
            treatment=REFERRAL,
        )
    consultation = reference.mode != VignetteMode.QUESTIONNAIRE
    if slip == 2 and consultation and items.get(9) in ("slightly", "moderately"):
        items[9] = "very_much"  # over-scores item 9
        return _stratified(reference, items)
    if slip == 3 and consultation:
        agreed = [number for number, value in items.items() if value == "agree"]
        if agreed:
            items[agreed[0]] = "disagree"  # misses an item the story supports
            return _stratified(reference, items)
    if slip == 4:
        own = startback.score(items).risk.value
        return _stratified(reference, items, risk=NEIGHBOUR[own])
    return _stratified(reference, items)


def _vignettes(user: User, index: int, cases: list[VignettePage], now: datetime.datetime) -> None:
    for number in range(CASES_EACH):
        page = cases[(index + number * 3) % len(cases)]
        reference = page.reference()
        days = (index * 7 + number * 23) % 120
        ticket = Ticket(
            user_id=user.pk,
            page_id=page.pk,
            revision_id=page.live_revision_id,
            started_at=now - datetime.timedelta(days=days, minutes=6),
            token=uuid.uuid4(),
        )
        attempt, _ = attempt_submit(
            user=user,
            page=page,
            ticket=ticket,
            reference=reference,
            revision_id=page.live_revision_id,
            submission=_submission(reference, (index + number) % 5),
        )
        # Spread over the last four months, for the accuracy-over-time chart.
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=ticket.started_at, submitted_at=now - datetime.timedelta(days=days)
        )


def _drills(user: User, index: int) -> None:
    rng = random.Random(index)  # noqa: S311 (a repeatable demo, not a secret)
    for number in range(DRILLS_EACH):
        case = drill.drill_case_generate(rng)
        risk = case.score.risk.value
        if (index + number) % 4 == 0:  # one slip in four: a neighbouring group
            risk = NEIGHBOUR[risk]
        drill_answer_record(user=user, token=uuid.uuid4(), answers=case.answers, risk=risk)


def _quiz(user: User, index: int, quiz: Quiz) -> None:
    try:
        sitting = sitting_start(user=user, quiz=quiz)
    except ValidationError:
        return  # no attempts left
    for answer in sitting.answers.order_by("position"):
        # Stronger trainees (a higher `ability`) get the harder questions right too, with the
        # odd slip and lucky guess, so the statistics look like a real cohort's.
        ability, difficulty = index % 5, (answer.position * 3) % 5
        right = ability >= difficulty
        if (index * 7 + answer.position) % 9 == 0:
            right = not right
        if answer.kind == QuestionType.FREE_TEXT:
            text = "Stratify with the tool and match the treatment to the group."
            sitting_answer(sitting=sitting, answer_id=answer.pk, text=text)
            continue
        options = answer.options or []
        correct = [option["id"] for option in options if option.get("correct")]
        wrong = [option["id"] for option in options if not option.get("correct")]
        chosen = correct if right or not wrong else wrong[:1]
        sitting_answer(sitting=sitting, answer_id=answer.pk, option_ids=chosen)


@transaction.atomic
def demo_activity_ensure(trainer_email: str) -> int:
    """How many clinicians were given answers this time."""
    trainer = User.objects.filter(email=trainer_email).first()
    course = CoursePage.objects.live().order_by("path").first()
    cases = [
        page
        for page in VignettePage.objects.live().order_by("path")
        if page.live_revision_id is not None
    ]
    if trainer is None or course is None or not cases:
        return 0
    modules = course_modules_live(course=course)
    quiz = next((module.page.quiz for module in modules if module.quiz_id), None)
    now = timezone.now()
    clinicians = trainees_in_scope(trainer).filter(email__startswith="clinician.").order_by("email")
    answered = set(Attempt.objects.values_list("user_id", flat=True))
    made = 0
    for index, user in enumerate(clinicians):
        if user.pk in answered:
            continue
        _vignettes(user, index, cases, now)
        if not DrillAnswer.objects.filter(user=user).exists():
            _drills(user, index)
        if (
            quiz is not None
            and not SittingAnswer.objects.filter(sitting__user=user, sitting__quiz=quiz).exists()
        ):
            _quiz(user, index, quiz)
        made += 1
    return made
