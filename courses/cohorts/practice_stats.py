"""How the trainees in a scope score the tool, from their case vignette and drill attempts: which
STarT Back items they mis-score most and in which direction, their risk groups against the
reference (with Cohen's kappa), the named mistakes by frequency, and accuracy month by month."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from core.models import User
from scoring_practice import readings, startback
from scoring_practice.agreement import CATEGORIES, Agreement, agreement
from scoring_practice.feedback import ALL_MISTAKES
from scoring_practice.models import Attempt, DrillAnswer


@dataclass
class ItemRow:
    number: int
    text: str
    answered: int = 0
    right: int = 0
    over: int = 0  # scored 1 where the reference scores 0
    under: int = 0  # scored 0 where the reference scores 1

    @property
    def wrong(self) -> int:
        return self.answered - self.right

    @property
    def accuracy(self) -> int | None:
        return 100 * self.right // self.answered if self.answered else None


@dataclass
class PracticeStats:
    attempts: int = 0
    items: list[ItemRow] = field(default_factory=list)
    vignettes: Agreement | None = None
    drill: Agreement | None = None
    mistakes: list[tuple[str, int]] = field(default_factory=list)
    months: list[tuple[object, int, int]] = field(default_factory=list)  # month, attempts, right


def practice_stats(trainees: QuerySet[User]) -> PracticeStats:
    """Counted in the database from what each attempt stored about its reading of the tool (see
    `scoring_practice.readings`): four grouped queries, however many attempts. The items
    table counts only attempts with marks (a blank mark is "not read")."""
    stats = PracticeStats(items=[ItemRow(item.number, item.text) for item in startback.ITEMS])
    attempts = Attempt.objects.filter(user__in=trainees)
    # Attempts with the same nine marks, counted together: a few hundred rows, not thousands.
    marked = attempts.values("item_marks").annotate(n=Count("*")).values_list("item_marks", "n")
    for marks, count in marked.order_by():
        for item, mark in zip(stats.items, marks, strict=False):
            if mark == readings.NOT_READ:
                continue
            item.answered += count
            item.right += count if mark == readings.RIGHT else 0
            item.over += count if mark == readings.OVER else 0
            item.under += count if mark == readings.UNDER else 0
    pairs: Counter[tuple[str, str]] = Counter()
    months: dict[datetime.datetime, list[int]] = {}
    grouped = (
        attempts.annotate(month=TruncMonth("submitted_at"))
        .values("month", "reference_group", "given_group")
        .annotate(n=Count("*"), right=Count("outcome_correct", filter=Q(outcome_correct=True)))
        .values_list("month", "reference_group", "given_group", "n", "right")
        .order_by()
    )
    for month, reference_group, given_group, count, right in grouped:
        # An attempt inserted without its readings (not through `Attempt.save`) has blank
        # groups: it counts by month, and is left out of the table of groups.
        if reference_group in CATEGORIES and given_group in CATEGORIES:
            pairs[(reference_group, given_group)] += count
        tally = months.setdefault(month, [0, 0])
        tally[0] += count
        tally[1] += right
    stats.attempts = sum(n for n, _ in months.values())
    stats.vignettes = agreement(pairs.elements()) if pairs else None
    stats.months = [(month, n, right) for month, (n, right) in sorted(months.items())]
    mistakes: Counter[str] = Counter()
    named = attempts.values("mistakes").annotate(n=Count("*")).values_list("mistakes", "n")
    for codes, count in named.order_by():
        for code in codes or []:
            mistakes[code] += count
    stats.mistakes = [
        (ALL_MISTAKES[code].title, count)
        for code, count in mistakes.most_common()
        if code in ALL_MISTAKES
    ]
    drill = (
        DrillAnswer.objects.filter(user__in=trainees)
        .values("risk", "given_risk")
        .annotate(n=Count("*"))
        .order_by()
    )
    drill_pairs = [(row["risk"], row["given_risk"]) for row in drill for _ in range(row["n"])]
    # The drill has no red flags: its table is the three risk groups.
    stats.drill = agreement(drill_pairs, readings.RISKS) if drill_pairs else None
    stats.items.sort(key=lambda row: (-(row.wrong), row.number))
    return stats
