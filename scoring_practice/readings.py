"""How one vignette attempt read the tool, item by item, and which group each side chose.

Worked out from an attempt's stored snapshot (its `reference` and `answers` JSON) when it is
saved, and kept beside it, so that the trainers' figures over many thousands of attempts are
counted by the database instead of by reading every snapshot again.
"""

from __future__ import annotations

from collections.abc import Mapping

from scoring_practice import startback

RISKS = ("low", "medium", "high")
REFER = "refer"

# One character per item, in item order (item 1 first).
RIGHT = "r"  # an accepted reading, or one that scores as the reference does
OVER = "o"  # scored the item where the reference does not
UNDER = "u"  # did not score it where the reference does
NOT_READ = "."  # the trainee was not asked to read the item, or gave no answer

_SCORING = {
    item.number: {option.value for option in item.options if option.scores}
    for item in startback.ITEMS
}


def _mark(number: int, given: object, reference: object, alternative: object) -> str:
    if not given or not reference:
        return NOT_READ
    if given in (reference, alternative):
        return RIGHT
    scores, should = given in _SCORING[number], reference in _SCORING[number]
    if scores and not should:
        return OVER
    if should and not scores:
        return UNDER
    return RIGHT


def item_marks(reference: Mapping, answers: Mapping) -> str:
    """Nine marks, one per item: right, over-scored, under-scored or not read."""
    # Keys are strings once stored as JSON; an attempt not yet saved may still have numbers.
    given, expected, alternatives = (
        {str(key): value for key, value in (source.get(name) or {}).items()}
        for source, name in ((answers, "items"), (reference, "items"), (reference, "alternatives"))
    )
    return "".join(
        _mark(item.number, given.get(item.key), expected.get(item.key), alternatives.get(item.key))
        for item in startback.ITEMS
    )


def reference_group(reference: Mapping) -> str:
    """The reference's risk group, or "refer" when the case has serious pathology to refer."""
    risk = reference.get("risk") or ""
    return REFER if reference.get("red_flags") or risk not in RISKS else risk


def given_group(answers: Mapping) -> str:
    """The trainee's risk group, or "refer" when they referred instead of stratifying."""
    risk = answers.get("risk") or ""
    return REFER if answers.get("stratifiable") is False or risk not in RISKS else risk
