"""How the trainees in a scope score the tool, from their case vignette and drill attempts: which
STarT Back items they mis-score most and in which direction, their risk groups against the
reference (with Cohen's kappa), the named mistakes by frequency, and accuracy month by month."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from core.models import User
from scoring_practice import startback
from scoring_practice.agreement import Agreement, agreement
from scoring_practice.feedback import ALL_MISTAKES
from scoring_practice.models import Attempt, DrillAnswer

RISKS = ("low", "medium", "high")


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


def _scores(number: int) -> set[str]:
    item = next(item for item in startback.ITEMS if item.number == number)
    return {option.value for option in item.options if option.scores}


SCORING = {item.number: _scores(item.number) for item in startback.ITEMS}


def _category(data: dict, *, referred: bool) -> str:
    risk = data.get("risk") or ""
    return "refer" if referred or risk not in RISKS else risk


def practice_stats(trainees: QuerySet[User]) -> PracticeStats:
    """One pass over the trainees' vignette attempts (streamed), and two grouped queries."""
    stats = PracticeStats(items=[ItemRow(item.number, item.text) for item in startback.ITEMS])
    rows = {row.number: row for row in stats.items}
    pairs: list[tuple[str, str]] = []
    mistakes: Counter[str] = Counter()
    attempts = Attempt.objects.filter(user__in=trainees).values_list(
        "answers", "reference", "mistakes"
    )
    for answers, reference, named in attempts.iterator(chunk_size=2000):
        stats.attempts += 1
        mistakes.update(named or [])
        given_items = (answers or {}).get("items") or {}
        reference_items = (reference or {}).get("items") or {}
        for key, given in given_items.items():
            number = int(key)
            expected = reference_items.get(key) or reference_items.get(number)
            if number not in rows or expected is None:
                continue
            row = rows[number]
            row.answered += 1
            if given == expected:
                row.right += 1
            elif given in SCORING[number] and expected not in SCORING[number]:
                row.over += 1
            elif given not in SCORING[number] and expected in SCORING[number]:
                row.under += 1
            else:
                row.right += 1  # a different answer that scores the same
        referred_reference = bool((reference or {}).get("red_flags"))
        referred_given = (answers or {}).get("stratifiable") is False
        pairs.append(
            (
                _category(reference or {}, referred=referred_reference),
                _category(answers or {}, referred=referred_given),
            )
        )
    stats.vignettes = agreement(pairs) if pairs else None
    drill = (
        DrillAnswer.objects.filter(user__in=trainees)
        .values("risk", "given_risk")
        .annotate(n=Count("pk"))
    )
    drill_pairs = [(row["risk"], row["given_risk"]) for row in drill for _ in range(row["n"])]
    stats.drill = agreement(drill_pairs) if drill_pairs else None
    stats.mistakes = [
        (ALL_MISTAKES[code].title, count)
        for code, count in mistakes.most_common()
        if code in ALL_MISTAKES
    ]
    stats.months = [
        (row["month"], row["n"], row["right"])
        for row in Attempt.objects.filter(user__in=trainees)
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(n=Count("pk"), right=Count("pk", filter=Q(outcome_correct=True)))
        .order_by("month")
    ]
    stats.items.sort(key=lambda row: (-(row.wrong), row.number))
    return stats
