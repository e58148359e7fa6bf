"""Writes for the practice section: recording vignette attempts and drill answers."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone

from scoring_practice.feedback import Submission, attempt_feedback, drill_feedback
from scoring_practice.models import Attempt, DrillAnswer, VignettePage
from scoring_practice.reference import Reference
from scoring_practice.selectors import drill_streak_current
from scoring_practice.tickets import Ticket


@transaction.atomic
def attempt_submit(
    *,
    user,
    page: VignettePage,
    ticket: Ticket,
    reference: Reference,
    revision_id: int | None,
    submission: Submission,
) -> tuple[Attempt, bool]:
    """Score and store an attempt; returns it and whether it is new.

    The ticket's token identifies the form: a second submission of the same form (a double
    click, a resend) returns the attempt already stored instead of adding another.
    """
    existing = Attempt.objects.filter(token=ticket.token).first()
    if existing is not None:
        return existing, False
    feedback = attempt_feedback(reference=reference, submission=submission)
    now = timezone.now()
    started_at = min(ticket.started_at, now)
    attempt = Attempt(
        user=user,
        page=page,
        revision_id=revision_id,
        token=ticket.token,
        reference=reference.to_json(),
        answers=submission.to_json(),
        scores=None
        if feedback.scored is None
        else {
            "item_scores": list(feedback.scored.item_scores),
            "total": feedback.scored.total,
            "psychosocial": feedback.scored.psychosocial,
            "risk": feedback.scored.risk.value,
        },
        mistakes=[seen.code for seen in feedback.mistakes],
        triage_correct=feedback.triage_correct,
        items_correct=feedback.items_correct,
        total_correct=feedback.total_correct,
        psychosocial_correct=feedback.psychosocial_correct,
        risk_correct=feedback.risk_correct,
        treatment_correct=feedback.treatment_correct,
        outcome_correct=feedback.outcome_correct,
        started_at=started_at,
        submitted_at=now,
        time_taken=now - started_at,
    )
    # The token's uniqueness is left to the database: checking it here as well would turn a
    # second copy of the form arriving at the same moment into an error instead of "already done".
    attempt.full_clean(exclude=["token"])
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:
        # The same form arrived twice at once; the other request stored it.
        return Attempt.objects.get(token=ticket.token), False
    return attempt, True


@transaction.atomic
def drill_answer_record(
    *,
    user,
    token: uuid.UUID,
    answers: Mapping[int, str],
    risk: str,
    total: int | None = None,
    psychosocial: int | None = None,
) -> DrillAnswer:
    """Store a signed-in trainee's drill answer (once per case) and extend or end their streak."""
    existing = DrillAnswer.objects.filter(token=token).first()
    if existing is not None:
        return existing
    feedback = drill_feedback(answers=answers, risk=risk, total=total, psychosocial=psychosocial)
    previous_streak = drill_streak_current(user=user)
    answer = DrillAnswer(
        user=user,
        token=token,
        answers={str(n): value for n, value in answers.items()},
        total=feedback.score.total,
        psychosocial=feedback.score.psychosocial,
        risk=feedback.score.risk.value,
        given_risk=risk,
        given_total=total,
        given_psychosocial=psychosocial,
        correct=feedback.correct,
        mistakes=[seen.code for seen in feedback.mistakes],
        streak=previous_streak + 1 if feedback.correct else 0,
    )
    answer.full_clean(exclude=["token"])  # as for attempts
    try:
        with transaction.atomic():
            answer.save()
    except IntegrityError:
        return DrillAnswer.objects.get(token=token)
    return answer
