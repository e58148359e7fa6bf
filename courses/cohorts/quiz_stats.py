"""Quiz statistics for the trainees in a scope, as Moodle's quiz statistics report defines them,
computed in the database:

- facility index: the mean score on a question as a share of its maximum (how easy it is);
- discrimination index: the correlation between the score on the question and the score on the
  rest of the attempt (does doing well on it go with doing well overall?), from -100 to 100;
- the options chosen, and the questions most often answered wrongly.

Only finished attempts count (not those in progress or awaiting marking).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Cast

from core.models import User
from courses.quiz.choices import SittingStatus
from courses.quiz.models import Quiz, Sitting, SittingAnswer


@dataclass
class QuizRow:
    quiz: Quiz
    attempts: int
    passed: int

    @property
    def pass_rate(self) -> int:
        return 100 * self.passed // self.attempts if self.attempts else 0


def quizzes_summary(trainees: QuerySet[User]) -> list[QuizRow]:
    """Each quiz the trainees have finished attempts at, with its pass rate: one query."""
    rows = (
        Sitting.objects.filter(user__in=trainees, status=SittingStatus.COMPLETE)
        .values("quiz_id")
        .annotate(attempts=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
    )
    counts = {row["quiz_id"]: row for row in rows}
    quizzes = Quiz.objects.filter(pk__in=list(counts)).order_by("title")
    return [
        QuizRow(quiz, counts[quiz.pk]["attempts"], counts[quiz.pk]["passed"]) for quiz in quizzes
    ]


@dataclass
class QuestionStats:
    question_id: int | None
    text: str
    attempts: int
    facility: int | None  # percent
    discrimination: int | None  # correlation × 100
    options: list[tuple[str, bool, int]] = field(default_factory=list)  # label, right, chosen


def _correlation(n, sx, sy, sxx, syy, sxy) -> float | None:
    if n < 2:
        return None
    spread = (n * sxx - sx * sx) * (n * syy - sy * sy)
    if spread <= 0:
        return None
    return (n * sxy - sx * sy) / math.sqrt(spread)


def question_stats(*, quiz: Quiz, trainees: QuerySet[User]) -> list[QuestionStats]:
    """Per question of the quiz, over the trainees' finished attempts: facility, discrimination
    and the options chosen; the questions answered wrongly most often first."""
    answers = SittingAnswer.objects.filter(
        sitting__quiz=quiz,
        sitting__user__in=trainees,
        sitting__status=SittingStatus.COMPLETE,
        score__isnull=False,
    )
    x = Cast("score", FloatField())
    y = Cast(
        ExpressionWrapper(F("sitting__score") - F("score"), output_field=DecimalField()),
        FloatField(),
    )
    sums = answers.values("question_id").annotate(
        n=Count("pk"),
        text=Max("text"),
        sx=Sum(x),
        sy=Sum(y),
        sxx=Sum(x * x),
        syy=Sum(y * y),
        sxy=Sum(x * y),
        score=Sum(x),
        best=Sum(Cast("max_score", FloatField())),
    )
    chosen: dict[int | None, dict[str, int]] = {}
    labels: dict[int | None, list[tuple[str, str, bool]]] = {}
    for question_id, options, picks in answers.values_list(
        "question_id", "options", "chosen"
    ).iterator():
        if question_id not in labels:
            labels[question_id] = [
                (str(option.get("id")), option.get("text", ""), bool(option.get("correct")))
                for option in options or []
            ]
        tally = chosen.setdefault(question_id, {})
        for pick in picks or []:
            tally[str(pick)] = tally.get(str(pick), 0) + 1
    rows = []
    for row in sums:
        r = _correlation(row["n"], row["sx"], row["sy"], row["sxx"], row["syy"], row["sxy"])
        facility = 100 * row["score"] / row["best"] if row["best"] else None
        rows.append(
            QuestionStats(
                question_id=row["question_id"],
                text=row["text"],
                attempts=row["n"],
                facility=math.floor(facility) if facility is not None else None,
                discrimination=round(100 * r) if r is not None else None,
                options=[
                    (label, right, chosen.get(row["question_id"], {}).get(key, 0))
                    for key, label, right in labels.get(row["question_id"], [])
                ],
            )
        )
    rows.sort(key=lambda stats: stats.facility if stats.facility is not None else 101)
    return rows
