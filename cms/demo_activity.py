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


def _stratified(
    reference: Reference,
    items: dict[int, str],
    *,
    risk: str | None = None,
    total: int | None = None,
    psychosocial: int | None = None,
) -> Submission:
    """A trainee who scored these answers and chose a group: by default their sums and the
    group that follows from them; a slip gives other sums or another group."""
    scored = startback.score(items)
    total = scored.total if total is None else total
    psychosocial = scored.psychosocial if psychosocial is None else psychosocial
    group = risk or startback.classify(total=total, psychosocial=psychosocial).value
    return Submission(
        stratifiable=True if reference.mode == VignetteMode.TRIAGE else None,
        items=None if reference.mode == VignetteMode.QUESTIONNAIRE else items,
        total=total,
        psychosocial=psychosocial,
        risk=group,
        treatment=group,
    )


def _submission(reference: Reference, slip: int) -> Submission:
    """The reference's answer, or one of the classic slips, by `slip` (0–4)."""
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
    scored = startback.score(items)
    moderately = items.get(9) == "moderately"
    if slip == 2 and moderately and consultation:
        items[9] = "very_much"  # heard "moderately" as "very much"
        return _stratified(reference, items)
    if slip == 2 and moderately:
        # "Moderately" ticked, and counted as a point in the total and the subscale.
        return _stratified(
            reference, items, total=scored.total + 1, psychosocial=scored.psychosocial + 1
        )
    if slip == 3 and consultation:
        agreed = [number for number, value in items.items() if value == "agree"]
        if agreed:
            items[agreed[0]] = "disagree"  # missed an item the story supports
            return _stratified(reference, items)
    if slip == 4:
        return _group_slip(reference, items, scored)
    return _stratified(reference, items)


def _group_slip(reference: Reference, items: dict[int, str], scored: startback.Score) -> Submission:
    """The classic slips at the groups' edges: a total of 3 called medium, high called from the
    total without the subscale, and item 9 left out of the subscale."""
    if scored.risk == startback.RiskGroup.LOW and scored.total == 3:
        return _stratified(reference, items, risk=startback.RiskGroup.MEDIUM.value)
    if scored.risk == startback.RiskGroup.MEDIUM:
        return _stratified(reference, items, risk=startback.RiskGroup.HIGH.value)
    item9 = scored.item_scores[-1]
    if scored.risk == startback.RiskGroup.HIGH and item9:
        return _stratified(reference, items, psychosocial=scored.psychosocial - item9)
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
        # Spread over the last four months, for the accuracy-over-time chart; six minutes each.
        submitted_at = now - datetime.timedelta(days=days)
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=ticket.started_at,
            submitted_at=submitted_at,
            time_taken=submitted_at - ticket.started_at,
        )


def _drills(user: User, index: int) -> None:
    rng = random.Random(index)  # noqa: S311 (a repeatable demo, not a secret)
    for number in range(DRILLS_EACH):
        case = drill.drill_case_generate(rng)
        scored = case.score
        risk = scored.risk.value
        if (index + number) % 4 == 0:  # one slip in four, where the classic slips happen
            if scored.risk == startback.RiskGroup.MEDIUM:
                risk = startback.RiskGroup.HIGH.value  # high called from the total alone
            elif scored.risk == startback.RiskGroup.LOW and scored.total == 3:
                risk = startback.RiskGroup.MEDIUM.value
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
            text = (
                "Screen for red flags first; if there are none, stratify with the tool and "
                "match care to the group."
            )
            sitting_answer(sitting=sitting, answer_id=answer.pk, text=text)
            continue
        options = answer.options or []
        correct = [option["id"] for option in options if option.get("correct")]
        wrong = [option["id"] for option in options if not option.get("correct")]
        chosen = correct if (right and correct) or not wrong else wrong[:1]
        try:
            sitting_answer(sitting=sitting, answer_id=answer.pk, option_ids=chosen)
        except ValidationError:
            return  # a question the demo cannot answer: leave the attempt open


@transaction.atomic
def demo_activity_ensure(trainer_email: str) -> int:
    """How many clinicians were given answers this time. Free-text questions are answered too,
    so such a quiz's attempts wait for a trainer's marks (and fill the marking list)."""
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
    # Each kind of answer is made once per clinician, whatever a run before this one made.
    tried_cases = set(Attempt.objects.values_list("user_id", flat=True))
    drilled = set(DrillAnswer.objects.values_list("user_id", flat=True))
    quizzed = set(
        SittingAnswer.objects.filter(sitting__quiz=quiz).values_list("sitting__user_id", flat=True)
    )
    made = 0
    for index, user in enumerate(clinicians):
        todo = [
            user.pk not in tried_cases,
            user.pk not in drilled,
            quiz is not None and user.pk not in quizzed,
        ]
        if todo[0]:
            _vignettes(user, index, cases, now)
        if todo[1]:
            _drills(user, index)
        if todo[2] and quiz is not None:
            _quiz(user, index, quiz)
        made += any(todo)
    return made
