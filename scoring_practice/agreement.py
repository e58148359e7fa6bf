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
    categories: tuple[str, ...] = CATEGORIES

    @property
    def labels(self) -> list[str]:
        return [CATEGORY_LABELS[category] for category in self.categories]

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.table.values())

    def rows(self) -> list[tuple[str, list[int], int]]:
        """(reference label, counts by given category, row total), for a template."""
        return [
            (
                CATEGORY_LABELS[reference],
                [self.table[reference][given] for given in self.categories],
                sum(self.table[reference].values()),
            )
            for reference in self.categories
        ]

    def column_totals(self) -> list[int]:
        return [
            sum(self.table[reference][given] for reference in self.categories)
            for given in self.categories
        ]


def agreement(
    pairs: Iterable[tuple[str, str]], categories: tuple[str, ...] = CATEGORIES
) -> Agreement:
    """Cohen's kappa over (reference, given) category pairs: (po − pe) / (1 − pe). Fewer
    `categories` suit answers that can never be one of the others (the drill never refers)."""
    table = {reference: dict.fromkeys(categories, 0) for reference in categories}
    for reference, given in pairs:
        table[reference][given] += 1
    total = sum(sum(row.values()) for row in table.values())
    if total == 0:
        return Agreement(table, observed=None, expected=None, kappa=None, categories=categories)
    observed = sum(table[category][category] for category in categories) / total
    expected = sum(
        (sum(table[category].values()) / total)
        * (sum(table[reference][category] for reference in categories) / total)
        for category in categories
    )
    kappa = None if expected == 1 else (observed - expected) / (1 - expected)
    return Agreement(table, observed, expected, kappa, categories=categories)
