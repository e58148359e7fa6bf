"""Reads for the practice section: vignette lists, attempts, drill progress and summaries."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404

from wagtail.models import Revision

from scoring_practice.choices import ProfessionFocus
from scoring_practice.models import Attempt, DrillAnswer, PracticeIndexPage, VignettePage
from scoring_practice.reference import Reference

VIGNETTES_PER_PAGE = 10
ATTEMPTS_PER_PAGE = 20
RECENT_ATTEMPTS_SHOWN = 3


def vignette_page_list(
    *,
    index: PracticeIndexPage,
    mode: str = "",
    difficulty: str = "",
    profession: str = "",
    page_number=None,
) -> PaginatorPage:
    """One page of the live vignettes under `index`, optionally filtered, in tree order.

    A profession keeps the cases written for it and those written for all clinicians.
    """
    vignettes = (
        VignettePage.objects.live()
        .public()
        .child_of(index)
        .only(
            "title",
            "url_path",
            "path",
            "depth",
            "presentation",
            "patient_age",
            "patient_occupation",
            "mode",
            "difficulty",
            "profession_focus",
        )
        .order_by("path")
    )
    if mode:
        vignettes = vignettes.filter(mode=mode)
    if difficulty:
        vignettes = vignettes.filter(difficulty=difficulty)
    if profession:
        vignettes = vignettes.filter(profession_focus__in=[profession, ProfessionFocus.ANY])
    return Paginator(vignettes, VIGNETTES_PER_PAGE).get_page(page_number)


def attempt_reference(
    *, page: VignettePage, revision_id: int | None
) -> tuple[Reference, int | None]:
    """The reference the trainee was shown: that of `revision_id` if it is still this page's.

    A page republished while the trainee was answering is judged against what they read; if
    that revision has gone, the live page stands in.
    """
    if revision_id is not None and revision_id != page.live_revision_id:
        revision = Revision.objects.for_instance(page).filter(pk=revision_id).first()
        if revision is not None:
            return revision.as_object().reference(), revision.pk
    return page.reference(), page.live_revision_id


def attempt_for_token(*, user, token) -> Attempt | None:
    """The attempt already recorded for a form, if it was submitted before."""
    return Attempt.objects.filter(user=user, token=token).first()


def attempt_get(*, user, pk: int) -> Attempt:
    """The user's own attempt; anybody else's is "not found"."""
    attempt = Attempt.objects.select_related("page").filter(user=user, pk=pk).first()
    if attempt is None:
        raise Http404("No such attempt")
    return attempt


def attempt_list(*, user, page_number=None) -> PaginatorPage:
    """One page of the user's attempts, newest first."""
    attempts = (
        Attempt.objects.filter(user=user).select_related("page").order_by("-submitted_at", "-pk")
    )
    return Paginator(attempts, ATTEMPTS_PER_PAGE).get_page(page_number)


def drill_answer_list(*, user, page_number=None) -> PaginatorPage:
    """One page of the user's drill answers, newest first."""
    answers = DrillAnswer.objects.filter(user=user).order_by("-answered_at", "-pk")
    return Paginator(answers, ATTEMPTS_PER_PAGE).get_page(page_number)


def attempt_recent_for_page(*, user, page: VignettePage) -> list[Attempt]:
    """The user's last few attempts at one vignette."""
    return list(
        Attempt.objects.filter(user=user, page=page).order_by("-submitted_at", "-pk")[
            :RECENT_ATTEMPTS_SHOWN
        ]
    )


def _percent(part: int, whole: int) -> int | None:
    """A share as a rounded percentage; None when there is nothing to share."""
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class DrillStats:
    """Running totals for the drill."""

    answered: int = 0
    correct: int = 0
    streak: int = 0
    best_streak: int = 0

    @property
    def accuracy(self) -> int | None:
        """Percentage right, rounded; None before the first answer."""
        return _percent(self.correct, self.answered)


def _drill_totals(*, user) -> dict:
    return DrillAnswer.objects.filter(user=user).aggregate(
        answered=Count("pk"), correct=Count("pk", filter=Q(correct=True)), best=Max("streak")
    )


def drill_streak_current(*, user) -> int:
    """The run of right drill answers ending with the user's latest; 0 before the first."""
    latest = (
        DrillAnswer.objects.filter(user=user)
        .order_by("-answered_at", "-pk")
        .values_list("streak", flat=True)
        .first()
    )
    return latest or 0


def drill_stats(*, user) -> DrillStats:
    """A signed-in trainee's drill totals: two queries, however many answers are stored."""
    totals = _drill_totals(user=user)
    return DrillStats(
        answered=totals["answered"],
        correct=totals["correct"],
        streak=drill_streak_current(user=user),
        best_streak=totals["best"] or 0,
    )


@dataclass(frozen=True)
class PracticeSummary:
    """A trainee's practice at a glance, for My learning and trainers' views."""

    attempts: int
    vignettes_attempted: int
    attempts_correct: int
    accuracy: int | None
    drill_answered: int
    drill_correct: int
    drill_accuracy: int | None
    drill_best_streak: int


def practice_summary(*, user) -> PracticeSummary:
    """Vignette and drill totals for one user, in two queries.

    `attempts_correct` counts attempts with the right key decision: the right risk group, or
    referral for a red-flag case.
    """
    vignettes = Attempt.objects.filter(user=user).aggregate(
        attempts=Count("pk"),
        vignettes=Count("page", distinct=True),
        correct=Count("pk", filter=Q(outcome_correct=True)),
    )
    drill = _drill_totals(user=user)
    return PracticeSummary(
        attempts=vignettes["attempts"],
        vignettes_attempted=vignettes["vignettes"],
        attempts_correct=vignettes["correct"],
        accuracy=_percent(vignettes["correct"], vignettes["attempts"]),
        drill_answered=drill["answered"],
        drill_correct=drill["correct"],
        drill_accuracy=_percent(drill["correct"], drill["answered"]),
        drill_best_streak=drill["best"] or 0,
    )


def practice_personal_data(*, user) -> dict:
    """Every vignette answer and drill answer the person gave, for their data download."""
    attempts = Attempt.objects.filter(user=user)
    drill = DrillAnswer.objects.filter(user=user)
    return {
        "vignette_attempts": [
            {
                "vignette": attempt.title,
                "started_at": attempt.started_at.isoformat() if attempt.started_at else None,
                "submitted_at": attempt.submitted_at.isoformat(),
                "seconds_taken": round(attempt.time_taken.total_seconds())
                if attempt.time_taken
                else None,
                "answers": attempt.answers,
                "key_decision_correct": attempt.outcome_correct,
                "treatment_correct": attempt.treatment_correct,
                "risk_group_correct": attempt.risk_correct,
                "mistakes": attempt.mistakes,
            }
            for attempt in attempts
        ],
        "drill_answers": [
            {
                "answered_at": answer.answered_at.isoformat(),
                "questionnaire": answer.answers,
                "risk_group": answer.risk,
                "your_risk_group": answer.given_risk,
                "total": answer.total,
                "your_total": answer.given_total,
                "psychosocial": answer.psychosocial,
                "your_psychosocial": answer.given_psychosocial,
                "correct": answer.correct,
                "mistakes": answer.mistakes,
            }
            for answer in drill
        ],
    }
