"""A person's own data: everything the site holds about them, their account's deletion, and
how long anything is kept.

The site layer gathers the download from each part of the site (profile and security log here,
training from `courses`, practice from `scoring_practice`), so what one part stores is described
by that part. Deleting an account anonymises it rather than removing the row: scores and
answers stay as anonymous statistics, attached to an account with no name, address or way in.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from wagtail.models import Comment, CommentReply, ModelLogEntry
from wagtail.users.models import UserProfile

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from cms.models import ChampionProfile
from core.audit import Kind, audit_record
from core.choices import Role
from core.models import AuditEvent, User
from courses.certification.selectors import certification_personal_data
from courses.cohorts.models import CohortInvitation
from courses.cohorts.selectors import cohorts_personal_data
from courses.learning.selectors import learning_personal_data
from courses.quiz.selectors import quiz_personal_data
from courses.quiz.services import quiz_written_answers_erase
from scoring_practice.selectors import practice_personal_data

DELETED_EMAIL = "deleted-account-{pk}@invalid"

# Every model that refers to a person, and where the download holds it, or why it is not there.
# tests/cms/test_personal_data.py fails when a model that refers to a person is in neither list.
IN_THE_DOWNLOAD = {
    "core.User": "profile",
    "account.EmailAddress": "email_addresses",
    "mfa.Authenticator": "two_factor_authentication",
    "core.AuditEvent": "security_events",
    "cms.ChampionProfile": "champion_profile",
    "courses.Enrolment": "enrolments",
    "courses.LessonCompletion": "lessons_completed",
    "courses.Sitting": "quiz_attempts",
    "courses.Certificate": "certificates",
    "courses.Assessment": "assessments",
    "courses.CpdReflection": "cpd_reflections",
    "courses.CohortMember": "cohorts",
    "courses.CohortInvitation": "cohort_invitations",
    "courses.Cohort": "cohorts_led",
    "courses.JoinLink": "join_links_made",
    "courses.TrainerAssignment": "trainer_assignments",
    "courses.ReminderBatch": "reminders_received",
    "scoring_practice.Attempt": "vignette_attempts",
    "scoring_practice.DrillAnswer": "drill_answers",
}
NOT_IN_THE_DOWNLOAD = {
    "courses.SittingAnswer": "who marked an answer: part of the trainee’s record, not the marker’s",
    "wagtailusers.UserProfile": "the admin’s display preferences (language, theme, notifications)",
    "wagtaildocs.Document": "files uploaded to the library: the site’s content",
    "wagtailimages.Image": "images uploaded to the library: the site’s content",
    "wagtailcore.UploadedFile": "a file in the middle of being uploaded, removed once it is stored",
    "wagtailadmin.EditingSession": "who has a page open in the editor right now, kept for minutes",
    "wagtailadmin.FormState": "an unsaved admin form, kept while it is being filled in",
    "wagtailcore.APIToken": "no API tokens are issued on this site",
    "wagtailcore.ModelLogEntry": "the editors’ history of content changes; anonymised on deletion",
    "wagtailcore.PageLogEntry": "the editors’ history of content changes; anonymised on deletion",
    "wagtailcore.Revision": "versions of authored pages: the site’s content",
    "wagtailcore.WorkflowState": "moderation of authored pages: the site’s content",
    "wagtailcore.TaskState": "moderation of authored pages: the site’s content",
    "wagtailcore.Comment": "editors’ comments on a page draft: the site’s content",
    "wagtailcore.CommentReply": "editors’ comments on a page draft: the site’s content",
    "wagtailcore.PageSubscription": "whether an editor is told of comments on a page",
    "wagtailcore.Page": "who owns or has locked an authored page: the site’s content",
}

MESSAGE_LAST_ADMINISTRATOR = (
    "You are the only administrator, so your account cannot be deleted yet. Give another "
    "person the Administrator role first."
)


def _champion_profile(user: User) -> dict | None:
    profile = ChampionProfile.objects.filter(user=user).prefetch_related("organisations").first()
    if profile is None:
        return None
    return {
        "display_name": profile.display_name,
        "role": profile.get_network_role_display(),
        "profession": profile.get_profession_display(),
        "organisations": [organisation.name for organisation in profile.organisations.all()],
        "cluster": profile.cluster.name if profile.cluster else None,
        "about": profile.bio,
        "photo": bool(profile.photo_id),
        "show_email": profile.show_email,
        "listed": profile.listed,
        "status": profile.get_status_display(),
        "why": profile.reason,
        "decline_reason": profile.decline_reason,
        "applied_at": profile.applied_at.isoformat(),
    }


def _champion_profile_erase(user: User) -> None:
    """The directory profile and its photo go with the account."""
    for profile in ChampionProfile.objects.filter(user=user).select_related("photo"):
        photo = profile.photo
        profile.delete()
        if photo is not None:
            photo.delete()


def personal_data(user: User) -> dict:
    """Everything held about the person, as plain data (the JSON download and the summary)."""
    return {
        "downloaded_at": timezone.now().isoformat(),
        "service": settings.WAGTAIL_SITE_NAME,
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "profession": user.get_profession_display(),
            "registration_number": user.registration_number,
            "organisation": user.organisation_display,
            "joined": user.date_joined.isoformat(),
            "last_signed_in": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.role_names),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "two_factor_authentication": [
            {
                "method": str(Authenticator.Type(authenticator.type).label),
                "set_up_at": authenticator.created_at.isoformat(),
                "last_used_at": authenticator.last_used_at.isoformat()
                if authenticator.last_used_at
                else None,
            }
            for authenticator in Authenticator.objects.filter(user=user)
        ],
        **learning_personal_data(user=user),
        **quiz_personal_data(user=user),
        **practice_personal_data(user=user),
        **certification_personal_data(user=user),
        **cohorts_personal_data(user=user),
        "champion_profile": _champion_profile(user),
        "security_events": [
            {
                "event": event.get_kind_display(),
                "at": event.occurred_at.isoformat(),
                # Someone else's address (an administrator's) is theirs, not the person's.
                "network_address": None if event.actor_reference else event.ip_address,
                "by_someone_else": bool(event.actor_reference),
                **event.detail,
            }
            for event in AuditEvent.objects.filter(subject=user)
        ],
    }


def _administrators():
    return User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(groups__name=Role.ADMINISTRATOR.value)
    )


def account_deletion_refusal(user: User) -> str:
    """Why this account cannot be deleted by its holder now, or "" when it can."""
    is_administrator = user.is_superuser or Role.ADMINISTRATOR.value in user.role_names
    if is_administrator and not _administrators().exclude(pk=user.pk).exists():
        return MESSAGE_LAST_ADMINISTRATOR
    return ""


REMOVED_TEXT = "(Removed: its author deleted their account.)"
DOMAIN_KEYS = ("domain", "from_domain", "to_domain")


def _audit_events_anonymise(user: User) -> None:
    """The account's security events keep their account number and nothing else of theirs."""
    AuditEvent.objects.filter(Q(subject=user) | Q(actor=user)).update(ip_address=None)
    for event in AuditEvent.objects.filter(subject=user).only("pk", "detail"):
        if any(key in event.detail for key in DOMAIN_KEYS):
            detail = {k: v for k, v in event.detail.items() if k not in DOMAIN_KEYS}
            AuditEvent.objects.filter(pk=event.pk).update(detail=detail)


def _wagtail_traces_anonymise(user: User) -> None:
    """Wagtail's own records of the person: the admin's history names the account by its label,
    and editorial comments carry their words; the avatar is a file of its own."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(label=f"Deleted account {user.pk}", data={})
    Comment.objects.filter(user=user).update(text=REMOVED_TEXT)
    CommentReply.objects.filter(user=user).update(text=REMOVED_TEXT)
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()


@transaction.atomic
def account_erase(user: User) -> bool:
    """Anonymise the account: no name, address, profile, roles, authenticators or password.

    Enrolments, progress, quiz scores and practice answers stay, as anonymous statistics; what
    the person (or a marker, to them) wrote in words is blanked. The security log keeps its
    events under the account's number, without network addresses or e-mail domains. Sessions
    die with the password and the inactive flag. Returns whether this call erased it: not
    when it already was (the same request sent twice), nor when the person has become the last
    administrator meanwhile (checked with the administrators' rows locked).
    """
    list(_administrators().select_for_update(of=("self",)).values_list("pk", flat=True))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email == DELETED_EMAIL.format(pk=user.pk) or account_deletion_refusal(user):
        return False
    quiz_written_answers_erase(user=user)
    # Invitations name the person by address: they go with the addresses.
    CohortInvitation.objects.filter(
        email__in=EmailAddress.objects.filter(user=user).values("email")
    ).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _champion_profile_erase(user)
    user.groups.clear()
    user.user_permissions.clear()
    user.email = DELETED_EMAIL.format(pk=user.pk)
    user.full_name = ""
    user.profession = ""
    user.registration_number = ""
    user.organisation = None
    user.organisation_unlisted = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    _wagtail_traces_anonymise(user)
    _audit_events_anonymise(user)
    audit_record(Kind.ACCOUNT_DELETED, subject=user, record_address=False)
    return True


# --- Retention -------------------------------------------------------------------------------


def unverified_accounts_expired(now: datetime.datetime | None = None):
    """Accounts made through the sign-up form more than UNVERIFIED_ACCOUNT_DAYS ago whose
    holder never confirmed an address and never signed in. Accounts an administrator made are
    never among them, however late their holder first signs in."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.UNVERIFIED_ACCOUNT_DAYS)
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return User.objects.filter(
        signed_up=True,
        date_joined__lt=cutoff,
        last_login__isnull=True,
        is_superuser=False,
    ).exclude(Exists(confirmed))


@transaction.atomic
def retention_apply(now: datetime.datetime | None = None) -> dict[str, int]:
    """Remove never-verified accounts and security events past their keeping time.

    Accounts are locked as they are chosen and ones another run holds are skipped, so two runs
    at once never remove the same account twice.
    """
    now = now or timezone.now()
    expired = list(unverified_accounts_expired(now).select_for_update(skip_locked=True))
    for user in expired:
        AuditEvent.objects.filter(subject=user).update(ip_address=None)
        audit_record(Kind.ACCOUNT_EXPIRED, subject=user, record_address=False)
        user.delete()
    log_cutoff = now - datetime.timedelta(days=settings.AUDIT_LOG_DAYS)
    pruned, _ = AuditEvent.objects.filter(occurred_at__lt=log_cutoff).delete()
    return {"accounts": len(expired), "events": pruned}
