"""Agreement between a trainee's risk groups and the reference: the confusion table and Cohen's
kappa. Pure Python, so it is tested against hand-computed tables without a database.

The categories are the three risk groups and "refer" (the patient was not stratified because
serious pathology was suspected), so a missed red flag shows as disagreement, not as a gap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CATEGORIES = ("low", "medium", "high", "refer")
CATEGORY_LABELS = {"low": "Low", "medium": "Medium", "high": "High", "refer": "Refer"}


@dataclass(frozen=True)
class Agreement:
    """`table[reference][given]` counts the cases; `kappa` is None when it is undefined (no cases,
    or every case in one category on both sides)."""

    table: dict[str, dict[str, int]]
    observed: float | None
    expected: float | None
    kappa: float | None

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.table.values())

    def rows(self) -> list[tuple[str, list[int], int]]:
        """(reference label, counts by given category, row total), for a template."""
        return [
            (
                CATEGORY_LABELS[reference],
                [self.table[reference][given] for given in CATEGORIES],
                sum(self.table[reference].values()),
            )
            for reference in CATEGORIES
        ]

    def column_totals(self) -> list[int]:
        return [
            sum(self.table[reference][given] for reference in CATEGORIES) for given in CATEGORIES
        ]


def agreement(pairs: Iterable[tuple[str, str]]) -> Agreement:
    """Cohen's kappa over (reference, given) category pairs: (po − pe) / (1 − pe)."""
    table = {reference: dict.fromkeys(CATEGORIES, 0) for reference in CATEGORIES}
    for reference, given in pairs:
        table[reference][given] += 1
    total = sum(sum(row.values()) for row in table.values())
    if total == 0:
        return Agreement(table=table, observed=None, expected=None, kappa=None)
    observed = sum(table[category][category] for category in CATEGORIES) / total
    expected = sum(
        (sum(table[category].values()) / total)
        * (sum(table[reference][category] for reference in CATEGORIES) / total)
        for category in CATEGORIES
    )
    kappa = None if expected == 1 else (observed - expected) / (1 - expected)
    return Agreement(table=table, observed=observed, expected=expected, kappa=kappa)
