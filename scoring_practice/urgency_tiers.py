"""How urgencies stored under the old three-tier model read in the four-tier one.

Before the immediate tier existed, "emergency" was the most urgent choice and was worded "seen the
same day". It now means "assessed in hospital the same day", and "immediate" (now, by ambulance if
needed) is the tier for suspected cauda equina syndrome, cord compression, new or rapidly
worsening weakness and major trauma. The data migrations of vignettes, practice attempts and
assessment answers use these two functions, so a past answer keeps its meaning:

- a reference's old "emergency" is "immediate", except for suspected spinal infection alone,
  which stays an emergency the same day;
- a trainee's old "emergency" (the top tier they could choose) is read as the reference's tier
  when that is immediate or the same day, and as "emergency" otherwise (over-triage stays so).

Plain functions over JSON-like values; no Django import.
"""

from __future__ import annotations

from collections.abc import Iterable

OLD_TOP_TIER = "emergency"
IMMEDIATE = "immediate"
SAME_DAY_ONLY_FLAGS = frozenset({"infection"})


def reference_urgency(urgency: str, red_flags: Iterable[str]) -> str:
    """A vignette's stored urgency in the four-tier model."""
    if urgency != OLD_TOP_TIER:
        return urgency
    flags = set(red_flags or ())
    if flags and flags <= SAME_DAY_ONLY_FLAGS:
        return OLD_TOP_TIER
    return IMMEDIATE


def answer_urgency(given: str, reference_urgency_now: str) -> str:
    """A trainee's stored urgency in the four-tier model, given the reference's new tier."""
    if given != OLD_TOP_TIER:
        return given
    if reference_urgency_now in (IMMEDIATE, OLD_TOP_TIER):
        return reference_urgency_now
    return OLD_TOP_TIER


def referral_right(reference: dict, answers: dict) -> bool:
    """A referral's key decision: the right urgency and the right destination."""
    return bool(
        reference.get("red_flags")
        and answers.get("urgency") == reference.get("red_flag_urgency")
        and answers.get("destination") == reference.get("red_flag_destination")
    )


def migrate_reference(reference: dict) -> bool:
    """Update a stored reference snapshot in place; whether it changed."""
    old = reference.get("red_flag_urgency") or ""
    new = reference_urgency(old, reference.get("red_flags") or ())
    reference["red_flag_urgency"] = new
    return new != old


def migrate_answers(answers: dict, reference: dict) -> bool:
    """Update stored answers in place, after their reference; whether they changed."""
    old = answers.get("urgency") or ""
    new = answer_urgency(old, reference.get("red_flag_urgency") or "")
    answers["urgency"] = new
    return new != old
