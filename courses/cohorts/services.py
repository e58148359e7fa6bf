"""Writes for cohorts: creating one, adding trainees by e-mail, by a join link or from a file,
and invitations for people without an account yet."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.choices import Profession
from core.emails import email_send, service_details
from core.models import Organisation, User
from core.organisations import organisation_find
from core.validators import validate_person_name
from courses.cohorts.models import (
    Cohort,
    CohortInvitation,
    CohortMember,
    JoinLink,
    ReminderBatch,
)
from courses.cohorts.selectors import invitations_pending
from courses.cohorts.tasks import reminder_batch_send
from courses.learning.models import CoursePage, Enrolment
from courses.learning.selectors import course_completers

MESSAGE_LINK_GONE = "This join link has expired or been withdrawn. Ask your trainer for a new one."
MESSAGE_INVITATION_GONE = (
    "That invitation is no longer waiting for you: it has been answered or withdrawn."
)
MESSAGE_IMPORT_NAME = (
    "the name has characters a name does not: use letters, spaces, hyphens and apostrophes"
)
MESSAGE_IMPORT_NAME_LONG = "the name is longer than 80 characters"
IMPORT_MAX_BYTES = 1024 * 1024
IMPORT_MAX_ROWS = 5000
COLUMNS = ("name", "e-mail", "profession", "organisation")
COLUMN_ALIASES = {"email": "e-mail", "e-mail address": "e-mail", "email address": "e-mail"}
PROFESSIONS = {
    **{value: value for value in Profession.values},
    **{label.lower(): value for value, label in Profession.choices},
    "physio": Profession.PHYSIOTHERAPIST,
    "physiotherapy": Profession.PHYSIOTHERAPIST,
}


@transaction.atomic
def cohort_create(*, by: User, name: str, course, starts_on, ends_on) -> Cohort:
    cohort = Cohort(name=name, course=course, starts_on=starts_on, ends_on=ends_on, created_by=by)
    cohort.full_clean()
    cohort.save()
    cohort.trainers.add(by)
    return cohort


def _join(cohort: Cohort, user: User, via: str) -> bool:
    """Put the user in the cohort and on its course; whether they were not there already."""
    Enrolment.objects.get_or_create(user=user, course=cohort.course)
    try:
        with transaction.atomic():
            CohortMember.objects.create(cohort=cohort, user=user, via=via)
    except IntegrityError:
        return False
    return True


def _invite(
    cohort: Cohort,
    *,
    email: str,
    full_name: str = "",
    profession: str = "",
    organisation: Organisation | None = None,
) -> bool:
    invitation, created = CohortInvitation.objects.get_or_create(
        cohort=cohort,
        email=email,
        defaults={"full_name": full_name, "profession": profession, "organisation": organisation},
    )
    if created:
        base = service_details()["service_url"].rstrip("/")
        transaction.on_commit(
            lambda: email_send(
                to=email,
                subject=f"you are invited to {cohort.name}",
                template="courses/cohorts/email/invitation.txt",
                context={
                    "cohort": cohort,
                    "full_name": full_name,
                    "signup_url": base + reverse("account_signup"),
                    "invitations_url": base + reverse("courses:cohort_invitations"),
                },
            )
        )
    return created


@dataclass
class AddReport:
    """What adding people did. Everyone is invited, account or not, and the trainer is told
    the same either way: nothing here says whether an address has an account."""

    already: int = 0
    invited: int = 0


def _members_emails(cohort: Cohort, emails) -> set[str]:
    return {
        email.lower()
        for email in CohortMember.objects.filter(
            cohort=cohort, user__email__in=list(emails)
        ).values_list("user__email", flat=True)
    }


def members_add(*, cohort: Cohort, emails) -> AddReport:
    """Invite each address: an unknown address joins when its owner signs up and confirms it,
    an existing account when they accept on their invitations page. A member already in the
    cohort, or an address already invited, counts as already there."""
    report = AddReport()
    wanted = list(dict.fromkeys(email.strip().lower() for email in emails if email.strip()))
    with transaction.atomic():
        members = _members_emails(cohort, wanted)
        for email in wanted:
            if email not in members and _invite(cohort, email=email):
                report.invited += 1
            else:
                report.already += 1
    return report


def _profile_fill(user: User, *, full_name="", profession="", organisation=None) -> None:
    """Fill the profile's blank fields from what a trainer gave; never overwrite."""
    changed: list[str] = []
    if not user.full_name and full_name:
        user.full_name = full_name
        changed.append("full_name")
    if not user.profession and profession:
        user.profession = profession
        changed.append("profession")
    if user.organisation_id is None and organisation is not None:
        user.organisation = organisation
        changed.append("organisation")
    if changed:
        user.save(update_fields=changed)


def _accept(invitation: CohortInvitation, user: User) -> bool:
    joined = _join(invitation.cohort, user, CohortMember.Via.INVITATION)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    _profile_fill(
        user,
        full_name=invitation.full_name,
        profession=invitation.profession,
        organisation=invitation.organisation,
    )
    return joined


def invitations_accept(*, user: User) -> int:
    """When someone signs up from an invitation and confirms the address it went to: they join
    each such cohort, and their profile takes the name given in the invitation where it has
    none. (Someone who already had an account accepts on their invitations page instead.)"""
    joined = 0
    pending = CohortInvitation.objects.filter(
        email__iexact=user.email, accepted_at__isnull=True
    ).select_related("cohort__course", "organisation")
    with transaction.atomic():
        for invitation in pending:
            joined += _accept(invitation, user)
    return joined


def invitation_answer(*, user: User, pk: int, accept: bool) -> CohortInvitation:
    """Accept or decline one invitation waiting for this person; ValidationError if there is
    no such invitation for them (another person's, or already answered)."""
    with transaction.atomic():
        invitation = (
            invitations_pending(user=user).select_for_update(of=("self",)).filter(pk=pk).first()
        )
        if invitation is None:
            raise ValidationError(MESSAGE_INVITATION_GONE)
        if accept:
            _accept(invitation, user)
        else:
            invitation.delete()
    return invitation


# Join links --------------------------------------------------------------------------------


def join_link_create(*, cohort: Cohort, by: User, days: int) -> JoinLink:
    return JoinLink.objects.create(
        cohort=cohort, created_by=by, expires_at=timezone.now() + datetime.timedelta(days=days)
    )


def join_link_revoke(*, link: JoinLink) -> None:
    JoinLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def join_link_use(*, token: str, user: User) -> tuple[Cohort, bool]:
    """Join the link's cohort; (cohort, whether newly joined). Refused once expired or revoked."""
    link = JoinLink.objects.select_related("cohort__course").filter(token=token).first()
    if link is None or not link.is_usable():
        raise ValidationError(MESSAGE_LINK_GONE)
    return link.cohort, _join(link.cohort, user, CohortMember.Via.LINK)


# Importing a file ----------------------------------------------------------------------------


@dataclass
class ImportRow:
    line: int
    name: str
    email: str
    profession: str
    organisation: Organisation | None


@dataclass
class ImportCheck:
    """A file read and checked row by row, before anything is imported."""

    rows: list[ImportRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    problem: str = ""  # a fault with the whole file: nothing in it can be imported

    @property
    def failed_lines(self) -> set[int]:
        return {line for line, _ in self.errors}

    @property
    def valid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.line not in self.failed_lines]


def import_check(data: bytes) -> ImportCheck:
    """Read a CSV file (columns: name, e-mail, profession, organisation) and check every row."""
    check = ImportCheck()
    if not data.strip():
        check.problem = (
            "The file is empty. Upload a CSV file with a header row and one row per person."
        )
        return check
    if len(data) > IMPORT_MAX_BYTES:
        check.problem = (
            "The file is larger than 1 MB. Split it into smaller files of up to 5,000 people."
        )
        return check
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        check.problem = (
            "The file is not in UTF-8. In your spreadsheet, save it as “CSV UTF-8 "
            "(comma delimited)” and upload it again."
        )
        return check
    reader = csv.reader(io.StringIO(text))
    header = [
        COLUMN_ALIASES.get(cell.strip().lower(), cell.strip().lower()) for cell in next(reader, [])
    ]
    if tuple(header) != COLUMNS:
        check.problem = (
            "The first row must name the columns: name, e-mail, profession, organisation "
            f"(this file has: {', '.join(cell for cell in header if cell) or 'nothing'})."
        )
        return check
    seen: dict[str, int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(check.rows) + len(check.errors) >= IMPORT_MAX_ROWS:
            check.problem = "The file has more than 5,000 people. Split it into smaller files."
            return check
        if len(cells) != len(COLUMNS):
            check.errors.append((number, f"Expected 4 columns, found {len(cells)}."))
            continue
        name, email, profession, organisation_name = (cell.strip() for cell in cells)
        email = email.lower()
        problems = []
        if not name:
            problems.append("no name: give the person’s full name")
        else:
            try:
                validate_person_name(name)
            except ValidationError as error:
                problems.append(
                    MESSAGE_IMPORT_NAME_LONG
                    if error.code == "name_too_long"
                    else MESSAGE_IMPORT_NAME
                )
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"“{email or 'no e-mail'}” is not an e-mail address")
        if email in seen:
            problems.append(f"the same e-mail address as line {seen[email]}")
        chosen = PROFESSIONS.get(profession.lower()) if profession else ""
        if profession and chosen is None:
            problems.append(
                f"“{profession}” is not a profession: use GP, physiotherapist, nurse, "
                "pharmacist or other"
            )
        organisation = organisation_find(organisation_name) if organisation_name else None
        if organisation_name and organisation is None:
            problems.append(f"no organisation in the list matches “{organisation_name}”")
        if problems:
            message = "; ".join(problems)
            check.errors.append((number, f"{message[0].upper()}{message[1:]}."))
        else:
            seen[email] = number
            check.rows.append(ImportRow(number, name, email, chosen or "", organisation))
    if not check.rows and not check.errors:
        check.problem = "The file has a header row but nobody in it."
    return check


@transaction.atomic
def import_apply(*, cohort: Cohort, rows: list[ImportRow]) -> AddReport:
    """Invite each checked row, as `members_add` does; the name, profession and organisation
    from the file fill the person's blank profile fields when they accept, never before."""
    report = AddReport()
    members = _members_emails(cohort, [row.email for row in rows])
    for row in rows:
        invited = row.email not in members and _invite(
            cohort,
            email=row.email,
            full_name=row.name,
            profession=row.profession,
            organisation=row.organisation,
        )
        if invited:
            report.invited += 1
        else:
            report.already += 1
    return report


# Reminders ---------------------------------------------------------------------------------

REMINDER_GAP_DAYS = 7
REMINDER_BATCHES_PER_DAY = 5
MESSAGE_REMINDERS_LIMIT = (
    "You have sent 5 sets of reminders in the last 24 hours. Try again tomorrow."
)
MESSAGE_NOBODY_TO_REMIND = (
    "Nobody to remind: everyone in this scope has completed, or was reminded in the last 7 days."
)


@transaction.atomic
def reminders_send(*, trainer: User, trainees, course, scope: str) -> ReminderBatch:
    """Remind the trainees who have not completed the course, except anyone reminded in the
    last week; at most five sets a day per trainer. The e-mails go through the task queue."""
    now = timezone.now()
    User.objects.select_for_update().filter(pk=trainer.pk).first()  # one batch at a time
    recent = ReminderBatch.objects.filter(
        trainer=trainer, created_at__gte=now - datetime.timedelta(days=1)
    ).count()
    if recent >= REMINDER_BATCHES_PER_DAY:
        raise ValidationError(MESSAGE_REMINDERS_LIMIT)
    courses = [course] if course is not None else list(CoursePage.objects.live())
    finished = course_completers(courses=courses, user_ids=trainees.values("pk"))
    reminded = ReminderBatch.recipients.through.objects.filter(
        reminderbatch__created_at__gte=now - datetime.timedelta(days=REMINDER_GAP_DAYS)
    ).values("user_id")
    recipients = list(
        trainees.exclude(pk__in=finished).exclude(pk__in=reminded).values_list("pk", flat=True)
    )
    if not recipients:
        raise ValidationError(MESSAGE_NOBODY_TO_REMIND)
    batch = ReminderBatch.objects.create(trainer=trainer, course=course, scope=scope[:300])
    batch.recipients.add(*recipients)
    transaction.on_commit(lambda: reminder_batch_send.enqueue(batch.pk))
    return batch
