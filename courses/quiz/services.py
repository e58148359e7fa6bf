"""Writes for the quiz engine: starting an attempt, answering, finishing and marking.

Every refusal raises `ValidationError` with one of the messages below and leaves the database as
it was. Answers are recorded with the sitting row locked and with conditional updates, so two
browser tabs answering the same attempt cannot both record an answer for one question or skip one.
"""

import random
import secrets
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone

from core.emails import email_send, service_details
from core.roles import user_is_trainer
from courses.quiz.choices import QuestionType, SittingStatus
from courses.quiz.models import Quiz, Sitting, SittingAnswer
from courses.quiz.selectors import (
    PERMISSION_CHANGE_QUIZ,
    quiz_attempts_used,
    sitting_open,
)

MESSAGE_QUIZ_DRAFT = "This quiz is not open yet."
MESSAGE_QUIZ_EMPTY = "This quiz has no questions yet."
MESSAGE_ATTEMPTS_USED = "You have used all your attempts at this quiz ({count} of {count})."
MESSAGE_SITTING_CLOSED = "That attempt has finished, so its answers can no longer be changed."
MESSAGE_QUESTION_NOT_IN_SITTING = "That question is not part of your attempt."
MESSAGE_QUESTION_NOT_CURRENT = "That is not the question you are on. Answer the question shown."
MESSAGE_ALREADY_ANSWERED = (
    "You have already answered that question, perhaps in another tab or window. "
    "Carry on from the question shown."
)
MESSAGE_OPTION_NOT_IN_QUESTION = "That answer is not one of this question's options."
MESSAGE_CHOOSE_ONE = "Select an answer."
MESSAGE_CHOOSE_SOME = "Select at least one answer."
MESSAGE_ONLY_ONE = "Select only one answer."
MESSAGE_ENTER_TEXT = "Enter your answer."
MESSAGE_TEXT_TOO_LONG = "Your answer must be {limit} characters or fewer."
MESSAGE_MARK_NOT_ALLOWED = "You do not have permission to mark attempts."
MESSAGE_MARK_OWN = "You cannot mark your own attempt."
MESSAGE_MARK_NOT_FREE_TEXT = "Only free-text answers are marked by a trainer."
MESSAGE_MARK_NOT_FINISHED = "The attempt is still in progress; mark it once it is finished."
MESSAGE_MARK_NOT_ANSWERED = "That question was not answered, so there is nothing to mark."
MESSAGE_MARK_RANGE = "Give a mark from 0 to {maximum}."

TEXT_ANSWER_LIMIT = 5000
CENTS = Decimal("0.01")


def _refuse(message: str) -> None:
    raise ValidationError(message)


def answer_score(
    *,
    kind: str,
    options: list[dict],
    chosen: Iterable[int],
    partial_credit: bool,
    max_score: Decimal,
) -> tuple[Decimal, bool]:
    """The marks and correctness of a choice answer (free text is marked by a trainer).

    Choose-all-that-apply is all or nothing unless the question gives partial credit: then each
    right choice earns a share of the marks and each wrong one takes a share away, never below 0.
    """
    chosen = set(chosen)
    right = {option["id"] for option in options if option["correct"]}
    correct = chosen == right
    if correct:
        return max_score, True
    if kind == QuestionType.MULTIPLE and partial_credit and right:
        hits = len(chosen & right)
        misses = len(chosen - right)
        share = Decimal(max(hits - misses, 0)) / Decimal(len(right))
        return (max_score * share).quantize(CENTS, rounding=ROUND_HALF_UP), False
    return Decimal(0), False


def _pool_for(quiz: Quiz) -> list:
    questions = list(quiz.questions.select_related("category").prefetch_related("options"))
    if quiz.question_count and quiz.question_count < len(questions):
        chosen = set(secrets.SystemRandom().sample(range(len(questions)), quiz.question_count))
        questions = [question for index, question in enumerate(questions) if index in chosen]
    if quiz.random_order:
        secrets.SystemRandom().shuffle(questions)
    return questions


def options_presented(
    options: list[dict], *, kind: str, keep_order: bool, rng: random.Random | None = None
) -> list[dict]:
    """The options in the order one attempt shows them: shuffled, so that no position is the
    answer more often than another, unless the author kept the order or it is true or false."""
    if keep_order or kind == QuestionType.TRUE_FALSE:
        return list(options)
    shuffled = list(options)
    (rng or secrets.SystemRandom()).shuffle(shuffled)
    return shuffled


@transaction.atomic
def sitting_start(*, user, quiz: Quiz) -> Sitting:
    """Start an attempt, or return the user's unfinished one so they carry on where they were.

    The questions (a random subset and order if the quiz asks for them) are drawn now and copied
    into the attempt, so resuming shows the same questions in the same order.
    """
    existing = sitting_open(user=user, quiz=quiz)
    if existing is not None:
        return existing
    if quiz.draft and not user.has_perm(PERMISSION_CHANGE_QUIZ):
        _refuse(MESSAGE_QUIZ_DRAFT)
    if (
        quiz.max_attempts is not None
        and quiz_attempts_used(user=user, quiz=quiz) >= quiz.max_attempts
    ):
        _refuse(MESSAGE_ATTEMPTS_USED.format(count=quiz.max_attempts))
    questions = _pool_for(quiz)
    if not questions:
        _refuse(MESSAGE_QUIZ_EMPTY)

    sitting = Sitting(
        user=user,
        quiz=quiz,
        quiz_title=quiz.title,
        pass_mark=quiz.pass_mark,
        answers_reveal=quiz.answers_reveal,
        pass_message=quiz.pass_message,
        fail_message=quiz.fail_message,
        question_order=[question.pk for question in questions],
        question_total=len(questions),
        max_score=sum((Decimal(question.points) for question in questions), Decimal(0)),
    )
    sitting.full_clean(validate_constraints=False)
    try:
        # A second tab pressing Start at the same moment hits the one-open-attempt constraint.
        with transaction.atomic():
            sitting.save()
    except IntegrityError:
        return Sitting.objects.get(user=user, quiz=quiz, status=SittingStatus.IN_PROGRESS)

    default_category = quiz.category.name if quiz.category_id else ""
    SittingAnswer.objects.bulk_create(
        SittingAnswer(
            sitting=sitting,
            position=position,
            question=question,
            kind=question.kind,
            text=question.text,
            explanation=question.explanation,
            category_name=question.category.name if question.category_id else default_category,
            image_id=question.image_id,
            partial_credit=question.partial_credit,
            options=options_presented(
                [
                    {"id": option.pk, "text": option.text, "correct": option.correct}
                    for option in question.options.all()
                ],
                kind=question.kind,
                keep_order=question.keep_option_order,
            )
            if question.kind != QuestionType.FREE_TEXT
            else [],
            max_score=Decimal(question.points),
        )
        for position, question in enumerate(questions, start=1)
    )
    return sitting


def _check_choice(answer: SittingAnswer, option_ids: list[int], text: str) -> None:
    if answer.kind == QuestionType.FREE_TEXT:
        if option_ids:
            _refuse(MESSAGE_OPTION_NOT_IN_QUESTION)
        if not text.strip():
            _refuse(MESSAGE_ENTER_TEXT)
        if len(text) > TEXT_ANSWER_LIMIT:
            _refuse(MESSAGE_TEXT_TOO_LONG.format(limit=TEXT_ANSWER_LIMIT))
        return
    offered = {option["id"] for option in answer.options}
    if any(option_id not in offered for option_id in option_ids):
        _refuse(MESSAGE_OPTION_NOT_IN_QUESTION)
    if answer.kind == QuestionType.MULTIPLE:
        if not option_ids:
            _refuse(MESSAGE_CHOOSE_SOME)
    elif not option_ids:
        _refuse(MESSAGE_CHOOSE_ONE)
    elif len(set(option_ids)) > 1:
        _refuse(MESSAGE_ONLY_ONE)


@transaction.atomic
def sitting_answer(
    *, sitting: Sitting, answer_id: int | None, option_ids: Iterable[int] = (), text: str = ""
) -> SittingAnswer:
    """Record the answer to the question the person is on, and move on (or finish).

    `answer_id` is the id of the question as asked in this sitting (a `SittingAnswer`), which the
    question form carries, so a form left open in another tab is recognised as out of date.
    """
    locked = Sitting.objects.select_for_update().get(pk=sitting.pk)
    if not locked.is_open:
        _refuse(MESSAGE_SITTING_CLOSED)
    answer = locked.answers.filter(pk=answer_id).first() if answer_id else None
    if answer is None:
        earlier = SittingAnswer.objects.filter(
            pk=answer_id or 0, sitting__user_id=locked.user_id, sitting__quiz_id=locked.quiz_id
        ).exclude(sitting=locked)
        _refuse(MESSAGE_SITTING_CLOSED if earlier.exists() else MESSAGE_QUESTION_NOT_IN_SITTING)
    if answer.is_answered:
        _refuse(MESSAGE_ALREADY_ANSWERED)
    if answer.position != locked.position:
        _refuse(MESSAGE_QUESTION_NOT_CURRENT)
    option_ids = list(dict.fromkeys(option_ids))
    _check_choice(answer, option_ids, text)

    now = timezone.now()
    values = {"answered_at": now}
    if answer.kind == QuestionType.FREE_TEXT:
        values["text_answer"] = text.strip()
    else:
        score, correct = answer_score(
            kind=answer.kind,
            options=answer.options,
            chosen=option_ids,
            partial_credit=answer.partial_credit,
            max_score=answer.max_score,
        )
        values.update(chosen=option_ids, score=score, is_correct=correct)
    # Conditional updates: where row locks are not available, the second of two simultaneous
    # submissions finds the question already answered and changes nothing.
    recorded = SittingAnswer.objects.filter(pk=answer.pk, answered_at__isnull=True).update(**values)
    if not recorded:
        _refuse(MESSAGE_ALREADY_ANSWERED)
    if answer.position < locked.question_total:
        moved = Sitting.objects.filter(
            pk=locked.pk, position=answer.position, status=SittingStatus.IN_PROGRESS
        ).update(position=answer.position + 1)
        if not moved:
            raise ValidationError(MESSAGE_ALREADY_ANSWERED)
        locked.position = answer.position + 1
    else:
        sitting_finish(sitting=locked)
    answer.refresh_from_db()
    answer.sitting = locked
    return answer


def _sitting_totals(sitting: Sitting) -> None:
    totals = sitting.answers.aggregate(
        total=Sum("score"),
        available=Sum("max_score"),
        waiting=Count(
            "pk",
            filter=Q(kind=QuestionType.FREE_TEXT, answered_at__isnull=False, score__isnull=True),
        ),
    )
    # SQLite sums decimals as floats; bring them back to whole hundredths.
    sitting.score = Decimal(totals["total"] or 0).quantize(CENTS, rounding=ROUND_HALF_UP)
    sitting.max_score = Decimal(totals["available"] or 0).quantize(CENTS, rounding=ROUND_HALF_UP)
    sitting.percent = (
        (sitting.score * 100 / sitting.max_score).quantize(CENTS, rounding=ROUND_HALF_UP)
        if sitting.max_score
        else Decimal(0)
    )
    if totals["waiting"]:
        sitting.status = SittingStatus.AWAITING_MARKING
        sitting.passed = None
    else:
        sitting.status = SittingStatus.COMPLETE
        # Compared without rounding, so 79.996% does not pass an 80% mark.
        sitting.passed = sitting.score * 100 >= sitting.pass_mark * sitting.max_score


@transaction.atomic
def sitting_finish(*, sitting: Sitting) -> Sitting:
    """Close an attempt: record the end time and the score; unanswered questions score nothing.

    An attempt with free-text answers waits for a trainer's marks before it passes or fails.
    """
    locked = Sitting.objects.select_for_update().get(pk=sitting.pk)
    if not locked.is_open:
        _refuse(MESSAGE_SITTING_CLOSED)
    locked.ended_at = timezone.now()
    _sitting_totals(locked)
    locked.full_clean()
    locked.save()
    for field in ("ended_at", "score", "max_score", "percent", "passed", "status"):
        setattr(sitting, field, getattr(locked, field))
    return locked


@transaction.atomic
def answer_mark(
    *, answer: SittingAnswer, marker, score: Decimal, comment: str = ""
) -> SittingAnswer:
    """A trainer's mark and comment on a free-text answer; the attempt's result follows from it."""
    if not user_is_trainer(marker):
        _refuse(MESSAGE_MARK_NOT_ALLOWED)
    sitting = Sitting.objects.select_for_update().get(pk=answer.sitting_id)
    answer = SittingAnswer.objects.get(pk=answer.pk)
    if sitting.user_id == marker.pk:
        _refuse(MESSAGE_MARK_OWN)
    if answer.kind != QuestionType.FREE_TEXT:
        _refuse(MESSAGE_MARK_NOT_FREE_TEXT)
    if sitting.is_open:
        _refuse(MESSAGE_MARK_NOT_FINISHED)
    if not answer.is_answered:
        _refuse(MESSAGE_MARK_NOT_ANSWERED)
    score = Decimal(score)
    if not Decimal(0) <= score <= answer.max_score:
        _refuse(MESSAGE_MARK_RANGE.format(maximum=answer.max_score.normalize()))

    answer.score = score.quantize(CENTS, rounding=ROUND_HALF_UP)
    answer.is_correct = answer.score == answer.max_score
    answer.marker = marker
    answer.marked_at = timezone.now()
    answer.marker_comment = comment.strip()
    answer.full_clean()
    answer.save()
    _sitting_totals(sitting)
    sitting.full_clean()
    sitting.save()
    answer.sitting = sitting
    transaction.on_commit(lambda: _marked_email(sitting))
    return answer


def _marked_email(sitting: Sitting) -> None:
    """Tell the trainee their written answer has been marked, with where to read the comment."""
    base = service_details()["service_url"].rstrip("/")
    email_send(
        to=sitting.user.email,
        subject="your answer has been marked",
        template="courses/quiz/email/marked.txt",
        context={
            "sitting": sitting,
            "result_url": base + reverse("courses:sitting_result", args=[sitting.pk]),
        },
    )


def quiz_written_answers_erase(*, user) -> int:
    """Blank what the person wrote in free-text answers and what markers wrote back to them.

    Used when they delete their account: the scores stay, as anonymous statistics, but words
    they or a trainer typed about them could identify them.
    """
    return SittingAnswer.objects.filter(sitting__user=user).update(
        text_answer="", marker_comment=""
    )
