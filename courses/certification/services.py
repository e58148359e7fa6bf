"""Writes for certification: sitting an assessed set, issuing (exactly once), renewing, revoking
and reminding."""

from __future__ import annotations

import calendar
import datetime
import random
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.audit import Kind, audit_record
from courses.certification.models import (
    AssessedSet,
    Assessment,
    AssessmentAnswer,
    Certificate,
    CertificateReminder,
    CertificationRule,
)
from courses.certification.selectors import (
    certificate_latest,
    refresher_progress,
    rule_for_course,
    rule_progress,
)
from courses.learning.models import CoursePage
from scoring_practice.agreement import agreement
from scoring_practice.feedback import URGENCY_PHRASES, Submission, attempt_feedback
from scoring_practice.reference import Reference
from scoring_practice.startback import (
    MATCHED_TREATMENTS,
    Destination,
    RiskGroup,
    Urgency,
    less_urgent,
)

MESSAGE_REASON_REQUIRED = "Give the reason for revoking this certificate."
MESSAGE_ALREADY_REVOKED = "This certificate has already been revoked."
MESSAGE_NAME_REQUIRED = (
    "Add your full name to your profile first: it is the name printed on the certificate."
)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has fewer (31 Jan + 1 → 28/29
    Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


# Issuing -------------------------------------------------------------------------------------


def _certificate_create(
    *,
    user,
    rule: CertificationRule,
    renews: Certificate | None,
    cpd_hours,
    today: datetime.date,
) -> tuple[Certificate, bool]:
    """Insert the certificate, or return the one a concurrent request inserted first."""
    course = rule.course
    base = renews.expires_on if renews is not None and renews.expires_on > today else today
    certificate = Certificate(
        holder=user,
        holder_name=user.full_name,
        course=course,
        course_title=course.title,
        cpd_hours=cpd_hours,
        criteria=rule.criteria(renewal=renews is not None),
        issued_on=today,
        expires_on=add_months(base, rule.validity_months),
        renewal_window_days=rule.renewal_window_days,
        renews=renews,
    )
    for _ in range(5):
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            existing = Certificate.objects.filter(holder=user, course=course, renews=renews).first()
            if existing is not None:
                return existing, False
            # The random code was taken (vanishingly rare): draw another.
            certificate.code = Certificate._meta.get_field("code").get_default()
            continue
        detail: dict[str, Any] = {
            "certificate": certificate.code,
            "course": course.title,
            "expires_on": certificate.expires_on.isoformat(),
        }
        if renews is not None:
            detail["renews"] = renews.code
        audit_record(
            Kind.CERTIFICATE_RENEWED if renews else Kind.CERTIFICATE_ISSUED,
            subject=user,
            actor=user,
            **detail,
        )
        return certificate, True
    raise IntegrityError("Could not draw an unused certificate code.")


def certificate_award(*, user, course: CoursePage) -> Certificate | None:
    """Issue the course's certificate if the user has just earned it; returns a new certificate,
    or None when nothing was issued.

    - No certificate yet: the course's rule, met → the first certificate.
    - The latest is current and its renewal window is open: the refresher (or, for a course
      without one, the rule's quizzes and assessed set) met since the window opened → a
      renewal, valid from the day the current certificate ends.
    - The latest has expired: the rule again, its quizzes and assessed set passed since the
      expiry → a new certificate in the chain.
    A revoked certificate is not replaced automatically.
    """
    if not user.is_authenticated or not user.full_name:
        return None
    rule = rule_for_course(course=course)
    if rule is None:
        return None
    today = timezone.localdate()
    latest = certificate_latest(user=user, course=course)
    if latest is None:
        if not rule_progress(rule=rule, user=user).met:
            return None
        certificate, created = _certificate_create(
            user=user, rule=rule, renews=None, cpd_hours=course.cpd_hours, today=today
        )
        return certificate if created else None
    if latest.revoked_at is not None:
        return None
    if latest.renewal_opens_on <= today < latest.expires_on:
        if rule.has_refresher:
            progress = refresher_progress(rule=rule, user=user, since=latest.renewal_opens_on)
            hours = rule.refresher_cpd_hours
        else:
            progress = rule_progress(rule=rule, user=user, since=latest.renewal_opens_on)
            hours = course.cpd_hours
    elif latest.expires_on <= today:
        progress = rule_progress(rule=rule, user=user, since=latest.expires_on)
        hours = course.cpd_hours
    else:
        return None
    if not progress.met:
        return None
    certificate, created = _certificate_create(
        user=user, rule=rule, renews=latest, cpd_hours=hours, today=today
    )
    return certificate if created else None


def certificates_award_for_user(*, user) -> list[Certificate]:
    """Check every course with a rule the user is enrolled on (after a quiz is marked, say)."""
    courses = CoursePage.objects.filter(
        certification_rule__isnull=False, enrolments__user=user
    ).distinct()
    return [
        certificate
        for course in courses
        if (certificate := certificate_award(user=user, course=course)) is not None
    ]


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": MESSAGE_REASON_REQUIRED})
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        raise ValidationError({"reason": MESSAGE_ALREADY_REVOKED})
    locked.revoked_at = timezone.now()
    locked.revoked_reason = reason[:2000]
    locked.revoked_by = by
    locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    audit_record(
        Kind.CERTIFICATE_REVOKED,
        subject=locked.holder,
        actor=by,
        certificate=locked.code,
        course=locked.course_title,
    )
    return locked


# Assessed sets -------------------------------------------------------------------------------


def assessment_start(*, user, course: CoursePage, assessed_set: AssessedSet) -> Assessment:
    """The user's open sitting of the set, or a new one with the cases in a shuffled order.

    A sitting past its deadline is abandoned first. Two starts at once make one sitting (the
    database allows one open sitting per person and set)."""
    now = timezone.now()
    Assessment.objects.filter(
        user=user, assessed_set=assessed_set, state=Assessment.State.OPEN, deadline__lte=now
    ).update(state=Assessment.State.ABANDONED)
    existing = Assessment.objects.filter(
        user=user, assessed_set=assessed_set, state=Assessment.State.OPEN
    ).first()
    if existing is not None:
        return existing
    cases = [case.vignette for case in assessed_set.cases.select_related("vignette")]
    cases = [vignette for vignette in cases if vignette.live]
    random.shuffle(cases)
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                user=user,
                assessed_set=assessed_set,
                course=course,
                started_at=now,
                deadline=now + datetime.timedelta(minutes=assessed_set.time_limit_minutes),
            )
            AssessmentAnswer.objects.bulk_create(
                AssessmentAnswer(
                    assessment=assessment,
                    position=position,
                    vignette=vignette,
                    reference=vignette.reference().to_json(),
                )
                for position, vignette in enumerate(cases, start=1)
            )
    except IntegrityError:
        return Assessment.objects.get(
            user=user, assessed_set=assessed_set, state=Assessment.State.OPEN
        )
    return assessment


def assessment_is_open(assessment: Assessment) -> bool:
    return assessment.state == Assessment.State.OPEN and assessment.deadline > timezone.now()


def assessment_answer_save(*, answer: AssessmentAnswer, submission: Submission) -> None:
    """Keep (or replace) the answer to one case; nothing is judged yet."""
    AssessmentAnswer.objects.filter(
        pk=answer.pk,
        assessment__state=Assessment.State.OPEN,
        assessment__deadline__gt=timezone.now(),
    ).update(answers=submission.to_json(), answered_at=timezone.now())


def _category(*, stratified: bool, risk: str) -> str:
    """The risk group, or "refer": the categories the agreement table compares."""
    return risk if stratified and risk in ("low", "medium", "high") else "refer"


def _decision(*, stratified: bool, risk: str, urgency: str) -> str:
    """A decision as the result table shows it: the risk group, or the referral's urgency."""
    if stratified:
        return RiskGroup(risk).label if risk in RISK_VALUES else "No risk group"
    return REFERRAL_WORDS.get(urgency, "Refer")


RISK_VALUES = frozenset(group.value for group in RiskGroup)
REFERRAL_WORDS: dict[str, str] = {
    Urgency.IMMEDIATE: "Refer: immediate (now)",
    Urgency.EMERGENCY: "Refer: emergency (same day)",
    Urgency.URGENT: "Refer: urgent",
}


def urgency_downgraded(*, reference: str, given: str) -> bool:
    """Whether an immediate or same-day case was referred as anything less urgent."""
    return reference in (Urgency.IMMEDIATE, Urgency.EMERGENCY) and less_urgent(given, reference)


def _conditions(flags) -> str:
    return " or ".join(flag.name.lower() for flag in flags) or "no condition named"


def _case_verdict(reference: Reference, submission: Submission, feedback) -> str:
    """One sentence on the case, by the assessment's own rule."""
    if reference.stratifiable:
        group = RiskGroup(reference.risk).label.lower()
        matched = MATCHED_TREATMENTS[RiskGroup(reference.risk)].title.lower()
        if not submission.stratified:
            return f"Referred, but this patient can be stratified: {group}, matched to {matched}."
        if not feedback.outcome_correct:
            return f"Not the right group: this patient is {group}, matched to {matched}."
        if not feedback.treatment_correct:
            own = RiskGroup(submission.risk)
            own_matched = MATCHED_TREATMENTS[own].title.lower()
            return (
                f"Right group; treatment not matched: {own.label.lower()} is matched to "
                f"{own_matched}."
            )
        return "Right group and matched treatment."
    urgency = URGENCY_PHRASES.get(reference.urgency, "")
    conditions = _conditions(reference.red_flag_objects)
    where = Destination(reference.red_flag_destination).label
    reference_words = f"{conditions}, referred {urgency}, to {where[0].lower()}{where[1:]}"
    if submission.stratified:
        return f"Stratified, but serious pathology is suspected: {reference_words}."
    triage = feedback.triage
    if triage is None or triage.all_correct:
        return f"Right referral: {reference_words}."
    wrong = []
    if not triage.flags_correct:
        wrong.append("the condition named")
    if not triage.urgency_correct:
        wrong.append("the urgency")
    if not triage.destination_correct:
        wrong.append("where the patient goes")
    return f"Referred, but {' and '.join(wrong)} not right: {reference_words}."


def case_judgement(*, reference: Reference, submission: Submission) -> dict:
    """How one case of a set went, for the pass rule and the result page.

    A stratifiable case is right with the right risk group and matched treatment (an acceptable
    reading of an item counts, as in practice). A case with suspected serious pathology is right
    when it is referred naming the suspected condition, at the right urgency and to the right
    service. Stratifying such a case, and referring an immediate or same-day case as anything
    less urgent, each fail the whole set; an emergency that was stratified counts once, as
    stratified."""
    feedback = attempt_feedback(reference=reference, submission=submission)
    if reference.stratifiable:
        correct = bool(
            submission.stratified and feedback.outcome_correct and feedback.treatment_correct
        )
    else:
        triage = feedback.triage
        correct = bool(not submission.stratified and triage is not None and triage.all_correct)
    serious_stratified = not reference.stratifiable and submission.stratified
    emergency_downgraded = (
        not reference.stratifiable
        and not submission.stratified
        and urgency_downgraded(reference=reference.urgency, given=submission.urgency)
    )
    return {
        "title": reference.title,
        "correct": correct,
        "serious_stratified": serious_stratified,
        "emergency_downgraded": emergency_downgraded,
        "reference_category": _category(stratified=reference.stratifiable, risk=reference.risk),
        "given_category": _category(stratified=submission.stratified, risk=submission.risk),
        "reference_decision": _decision(
            stratified=reference.stratifiable, risk=reference.risk, urgency=reference.urgency
        ),
        "given_decision": _decision(
            stratified=submission.stratified, risk=submission.risk, urgency=submission.urgency
        ),
        "verdict": _case_verdict(reference, submission, feedback),
    }


@transaction.atomic
def assessment_submit(*, assessment: Assessment) -> Assessment:
    """Judge the whole set once every case is answered; store the result and award the course's
    certificate if this completes the rule. A second submission changes nothing."""
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.state != Assessment.State.OPEN:
        return locked
    answers = list(locked.answers.all())
    cases = [
        case_judgement(
            reference=Reference.from_json(answer.reference),
            submission=Submission.from_json(answer.answers),
        )
        for answer in answers
        if answer.answers is not None
    ]
    right = sum(1 for case in cases if case["correct"])
    percent = 100 * right // len(answers) if answers else 0
    serious = sum(1 for case in cases if case["serious_stratified"])
    downgraded = sum(1 for case in cases if case["emergency_downgraded"])
    agreed = agreement((case["reference_category"], case["given_category"]) for case in cases)
    locked.passed = (
        len(cases) == len(answers)
        and bool(answers)
        and percent >= locked.assessed_set.pass_percent
        and serious == 0
        and downgraded == 0
    )
    locked.percent_correct = percent
    locked.result = {
        "cases": cases,
        "right": right,
        "total": len(answers),
        "pass_percent": locked.assessed_set.pass_percent,
        "serious_stratified": serious,
        "emergency_downgraded": downgraded,
        "table": agreed.table,
        "kappa": agreed.kappa,
    }
    locked.state = Assessment.State.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.save()
    if locked.passed:
        user, course = locked.user, locked.course
        transaction.on_commit(lambda: certificate_award(user=user, course=course))
    return locked


# Reminders -----------------------------------------------------------------------------------


def reminder_kind_due(certificate: Certificate, today: datetime.date) -> str | None:
    """The most pressing reminder a certificate is due today, if any."""
    days_left = (certificate.expires_on - today).days
    if days_left <= 0:
        return CertificateReminder.Kind.EXPIRED
    if days_left <= 14:
        return CertificateReminder.Kind.DAYS_14
    if days_left <= 60:
        return CertificateReminder.Kind.DAYS_60
    return None
