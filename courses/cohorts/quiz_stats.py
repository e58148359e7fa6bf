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
from typing import Any, cast

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


SUMS = ("n", "sx", "sy", "sxx", "syy", "sxy", "best")


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
    and the options chosen; the questions answered wrongly most often first. Two queries."""
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
    # One grouped query: answers to a question that chose the same options are summed together
    # (a few rows a question); the sums add up per question here, and the options chosen are
    # counted from the same rows.
    groups = answers.values("question_id", "chosen").annotate(
        n=Count("pk"),
        text=Max("text"),
        sx=Sum(x),
        sy=Sum(y),
        sxx=Sum(x * x),
        syy=Sum(y * y),
        sxy=Sum(x * y),
        best=Sum(Cast("max_score", FloatField())),
        latest=Max("pk"),
    )
    totals: dict[int | None, dict] = {}
    chosen: dict[int | None, dict[str, int]] = {}
    for row in groups.order_by():
        group = cast(dict[str, Any], row)
        question_id = group["question_id"]
        total = totals.setdefault(question_id, dict.fromkeys(SUMS, 0) | {"text": "", "latest": 0})
        for name in SUMS:
            total[name] += group[name] or 0
        total["text"] = max(total["text"], group["text"])
        total["latest"] = max(total["latest"], group["latest"])
        tally = chosen.setdefault(question_id, {})
        for pick in group["chosen"] or []:
            tally[str(pick)] = tally.get(str(pick), 0) + group["n"]
    # Each question's options, as the latest answer to it showed them.
    labels: dict[int | None, list[tuple[str, str, bool]]] = {
        question_id: [
            (str(option.get("id")), option.get("text", ""), bool(option.get("correct")))
            for option in options or []
        ]
        for question_id, options in SittingAnswer.objects.filter(
            pk__in=[total["latest"] for total in totals.values()]
        ).values_list("question_id", "options")
    }
    rows = []
    for question_id, total in totals.items():
        r = _correlation(*(total[name] for name in ("n", "sx", "sy", "sxx", "syy", "sxy")))
        facility = 100 * total["sx"] / total["best"] if total["best"] else None
        rows.append(
            QuestionStats(
                question_id=question_id,
                text=total["text"],
                attempts=total["n"],
                facility=math.floor(facility) if facility is not None else None,
                discrimination=round(100 * r) if r is not None else None,
                options=[
                    (label, right, chosen.get(question_id, {}).get(key, 0))
                    for key, label, right in labels.get(question_id, [])
                ],
            )
        )
    rows.sort(key=lambda stats: stats.facility if stats.facility is not None else 101)
    return rows
