"""Synthetic completed questionnaires for the scoring drill, weighted towards the boundaries.

Pure and seedable: pass a `random.Random`. About 70% of cases are drawn from the neighbourhoods
where trainees go wrong — a total of 3 against 4 (low/medium), a psychosocial subscale of 3 against
4 (medium/high), and item 9 answered "Moderately" against "Very much" where that answer decides
the group — and the rest are drawn evenly from every possible questionnaire.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scoring_practice import startback
from scoring_practice.startback import Agreement, Bothersomeness

PHYSICAL_ITEMS: tuple[int, ...] = tuple(
    n for n in startback.ITEM_NUMBERS if n not in startback.PSYCHOSOCIAL_ITEMS
)
# Items 5–8: the psychosocial items other than 9, whose answer is drawn separately.
PSYCHOSOCIAL_AGREEMENT_ITEMS: tuple[int, ...] = tuple(
    n for n in startback.PSYCHOSOCIAL_ITEMS if n != 9
)

BOUNDARY_TOTAL = "total"
BOUNDARY_SUBSCALE = "subscale"
BOUNDARY_ITEM9 = "item9"
ANYWHERE = "anywhere"
# Each neighbourhood gets a fair share of the boundary cases; the rest are drawn from anywhere.
WEIGHTS: dict[str, float] = {
    BOUNDARY_TOTAL: 0.25,
    BOUNDARY_SUBSCALE: 0.25,
    BOUNDARY_ITEM9: 0.20,
    ANYWHERE: 0.30,
}


@dataclass(frozen=True)
class DrillCase:
    """One ticked questionnaire, and the neighbourhood it was drawn from."""

    answers: dict[int, str]
    neighbourhood: str

    @property
    def score(self) -> startback.Score:
        return startback.score(self.answers)


def near_boundary(result: startback.Score) -> bool:
    """Within one point of a cut-off: a total of 3 or 4, or a subscale of 3 or 4."""
    return result.total in (3, 4) or result.psychosocial in (3, 4)


def _build(rng: random.Random, *, physical: int, psychosocial_8: int, item9: str) -> dict[int, str]:
    """Answers with `physical` of items 1–4 and `psychosocial_8` of items 5–8 agreed."""
    agreed = set(rng.sample(PHYSICAL_ITEMS, physical))
    agreed |= set(rng.sample(PSYCHOSOCIAL_AGREEMENT_ITEMS, psychosocial_8))
    answers = {
        n: (Agreement.AGREE if n in agreed else Agreement.DISAGREE).value
        for n in startback.ITEM_NUMBERS
        if n != 9
    }
    answers[9] = item9
    return answers


def _item9(rng: random.Random, scores: bool) -> str:
    if scores:
        return rng.choice((Bothersomeness.VERY_MUCH, Bothersomeness.EXTREMELY)).value
    # "Moderately" is the answer trainees miscount, so it is the likeliest non-scoring answer.
    return rng.choice(
        (
            Bothersomeness.NOT_AT_ALL,
            Bothersomeness.SLIGHTLY,
            Bothersomeness.MODERATELY,
            Bothersomeness.MODERATELY,
        )
    ).value


def _split(rng: random.Random, *, total: int, psychosocial: int) -> dict[int, str]:
    """Answers scoring exactly this total and subscale (which must be possible)."""
    item9_scores = psychosocial == len(startback.PSYCHOSOCIAL_ITEMS) or (
        psychosocial > 0 and rng.random() < psychosocial / len(startback.PSYCHOSOCIAL_ITEMS)
    )
    return _build(
        rng,
        physical=total - psychosocial,
        psychosocial_8=psychosocial - int(item9_scores),
        item9=_item9(rng, item9_scores),
    )


def _total_boundary(rng: random.Random) -> dict[int, str]:
    total = rng.choice((3, 4))
    # Below the high-risk subscale, so the total alone decides between low and medium.
    psychosocial = rng.randint(max(0, total - len(PHYSICAL_ITEMS)), min(3, total))
    return _split(rng, total=total, psychosocial=psychosocial)


def _subscale_boundary(rng: random.Random) -> dict[int, str]:
    psychosocial = rng.choice((3, 4))
    # A total of 4 or more, so the subscale alone decides between medium and high.
    total = rng.randint(max(psychosocial, 4), psychosocial + len(PHYSICAL_ITEMS))
    return _split(rng, total=total, psychosocial=psychosocial)


# (points from items 1–8, of which psychosocial) where item 9 scoring changes the group.
ITEM9_DECIDES: tuple[tuple[int, int], ...] = tuple(
    (total, psychosocial)
    for psychosocial in range(len(PSYCHOSOCIAL_AGREEMENT_ITEMS) + 1)
    for total in range(psychosocial, psychosocial + len(PHYSICAL_ITEMS) + 1)
    if startback.classify(total=total, psychosocial=psychosocial)
    != startback.classify(total=total + 1, psychosocial=psychosocial + 1)
)


def _item9_boundary(rng: random.Random) -> dict[int, str]:
    total, psychosocial = rng.choice(ITEM9_DECIDES)
    item9 = rng.choice((Bothersomeness.MODERATELY, Bothersomeness.VERY_MUCH)).value
    return _build(rng, physical=total - psychosocial, psychosocial_8=psychosocial, item9=item9)


def _anywhere(rng: random.Random) -> dict[int, str]:
    return {question.number: rng.choice(question.options).value for question in startback.ITEMS}


GENERATORS = {
    BOUNDARY_TOTAL: _total_boundary,
    BOUNDARY_SUBSCALE: _subscale_boundary,
    BOUNDARY_ITEM9: _item9_boundary,
    ANYWHERE: _anywhere,
}


def drill_case_generate(rng: random.Random) -> DrillCase:
    """A new synthetic questionnaire, most often from a boundary neighbourhood."""
    neighbourhood = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return DrillCase(answers=GENERATORS[neighbourhood](rng), neighbourhood=neighbourhood)
