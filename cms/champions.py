"""The champion network: applying, deciding, leaving (writes), and the directory, a champion's
certification status and a cluster's training coverage (reads)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from cms.models import ChampionProfile
from core.audit import Kind, audit_record
from core.choices import Profession, Role
from core.emails import email_send, service_details
from core.models import Cluster, Organisation, OrganisationKind, User
from core.services import user_assign_role
from courses.certification.models import CertificateStatus
from courses.certification.selectors import certification_status_by_user
from courses.learning.models import CoursePage, Enrolment
from courses.learning.selectors import course_completers

MESSAGE_ALREADY_APPLIED = "You have already applied: a trainer will decide soon."
MESSAGE_ALREADY_DECIDED = "This application has already been decided."
MESSAGE_REASON_REQUIRED = "Give the reason for declining, so the applicant knows what to do."
CHAMPIONS_PER_PAGE = 12

# What the directory says of a champion's certification, from their certificates.
CERTIFICATION_WORDS = {
    CertificateStatus.VALID: ("Current", "nhsuk-tag--green"),
    CertificateStatus.EXPIRING: ("Expires soon", "nhsuk-tag--yellow"),
    CertificateStatus.EXPIRED: ("Expired", "nhsuk-tag--grey"),
}
NO_CERTIFICATE = ("None", "nhsuk-tag--white")


# Writes -----------------------------------------------------------------------------------


def _decision_email(profile: ChampionProfile, *, template: str, subject: str) -> None:
    base = service_details()["service_url"].rstrip("/")
    email_send(
        to=profile.user.email,
        subject=subject,
        template=template,
        context={
            "profile": profile,
            "profile_url": base + reverse("champion", kwargs={"pk": profile.pk}),
            "mine_url": base + reverse("champion_mine"),
        },
    )


@transaction.atomic
def champion_apply(*, user: User, fields: dict, organisations, photo=None) -> ChampionProfile:
    """A pending application: one per person (the database refuses a second)."""
    if ChampionProfile.objects.filter(user=user).exists():
        raise ValidationError(MESSAGE_ALREADY_APPLIED)
    profile = ChampionProfile(user=user, **fields)
    profile.bio = (profile.bio or "").strip()
    if profile.cluster_id is None:
        profile.cluster_id = next(
            (o.cluster_id for o in organisations if o.cluster_id is not None), None
        )
    if photo is not None:
        profile.photo = photo
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError:
        raise ValidationError(MESSAGE_ALREADY_APPLIED) from None
    profile.organisations.set(organisations)
    audit_record(Kind.CHAMPION_APPLIED, subject=user, actor=user)
    return profile


def _decide(profile: ChampionProfile) -> ChampionProfile:
    locked = ChampionProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if locked.status != ChampionProfile.Status.PENDING:
        raise ValidationError(MESSAGE_ALREADY_DECIDED)
    return locked


@transaction.atomic
def champion_approve(*, profile: ChampionProfile, by: User) -> ChampionProfile:
    locked = _decide(profile)
    locked.status = ChampionProfile.Status.APPROVED
    locked.listed = True
    locked.decided_at = timezone.now()
    locked.decided_by = by
    locked.save()
    user_assign_role(user=locked.user, role=Role.CHAMPION)
    audit_record(Kind.CHAMPION_APPROVED, subject=locked.user, actor=by)
    transaction.on_commit(
        lambda: _decision_email(
            locked,
            template="cms/emails/champion_approved.txt",
            subject="you are now a champion",
        )
    )
    return locked


@transaction.atomic
def champion_decline(*, profile: ChampionProfile, by: User, reason: str) -> ChampionProfile:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": MESSAGE_REASON_REQUIRED})
    locked = _decide(profile)
    locked.status = ChampionProfile.Status.DECLINED
    locked.listed = False
    locked.decline_reason = reason[:2000]
    locked.decided_at = timezone.now()
    locked.decided_by = by
    locked.save()
    audit_record(
        Kind.CHAMPION_DECLINED, subject=locked.user, actor=by, reason=locked.decline_reason
    )
    transaction.on_commit(
        lambda: _decision_email(
            locked,
            template="cms/emails/champion_declined.txt",
            subject="your champion application",
        )
    )
    return locked


@transaction.atomic
def champion_reapply(*, profile: ChampionProfile) -> ChampionProfile:
    """A declined applicant, or a champion who left, asks again: the profile waits for a new
    decision."""
    locked = ChampionProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.status == ChampionProfile.Status.PENDING:
        return locked
    locked.status = ChampionProfile.Status.PENDING
    locked.decline_reason = ""
    locked.decided_at = None
    locked.decided_by = None
    locked.save()
    audit_record(Kind.CHAMPION_APPLIED, subject=locked.user, actor=locked.user, again=True)
    return locked


@transaction.atomic
def champion_leave(*, user: User) -> None:
    """Leave the network: out of the Champion role, and so out of the directory."""
    group = Group.objects.filter(name=Role.CHAMPION.value).first()
    if group is not None:
        user.groups.remove(group)
        user.__dict__.pop("_role_names", None)
    ChampionProfile.objects.filter(user=user).update(listed=False)


def champion_group_changed(sender, instance, action, pk_set, reverse=False, **kwargs) -> None:
    """Whoever leaves the Champion group (in the admin, say) is unlisted with it."""
    if action not in ("post_remove", "post_clear"):
        return
    champion = Group.objects.filter(name=Role.CHAMPION.value).first()
    if champion is None:
        return
    if reverse:
        # From the group's side: `instance` is the group, `pk_set` the users.
        if instance.pk == champion.pk:
            ChampionProfile.objects.filter(user_id__in=pk_set or ()).update(listed=False)
        return
    if action == "post_clear" or champion.pk in (pk_set or ()):
        ChampionProfile.objects.filter(user=instance).update(listed=False)


# Reads --------------------------------------------------------------------------------------


def directory_profiles() -> QuerySet[ChampionProfile]:
    """Champions shown in the directory: approved, listed, still in the Champion role."""
    return ChampionProfile.objects.filter(
        status=ChampionProfile.Status.APPROVED,
        listed=True,
        user__is_active=True,
        user__groups__name=Role.CHAMPION.value,
    )


def directory_search(
    *,
    query: str = "",
    region=None,
    cluster=None,
    organisation=None,
    profession: str = "",
    network_role: str = "",
) -> QuerySet[ChampionProfile]:
    """The directory, filtered and searched by name or organisation, in name order."""
    profiles = directory_profiles()
    if region is not None:
        profiles = profiles.filter(cluster__region=region)
    if cluster is not None:
        profiles = profiles.filter(cluster=cluster)
    if organisation is not None:
        profiles = profiles.filter(organisations=organisation)
    if profession:
        profiles = profiles.filter(profession=profession)
    if network_role:
        profiles = profiles.filter(network_role=network_role)
    query = " ".join((query or "").split())[:100]
    if query:
        # Two look-ups, each able to use its own trigram index on PostgreSQL (see the
        # migration cms 0008): champions by name, and champions by organisation name or code.
        organisations = Organisation.objects.filter(
            Q(name__icontains=query) | Q(ods_code__iexact=query.replace(" ", ""))
        ).values("pk")
        named = ChampionProfile.objects.filter(display_name__icontains=query).values("pk")
        working_there = ChampionProfile.objects.filter(organisations__in=organisations).values("pk")
        profiles = profiles.filter(Q(pk__in=named) | Q(pk__in=working_there))
    return profiles.distinct().order_by("display_name", "pk")


def directory_page_prepare(profiles) -> list[ChampionProfile]:
    """The page's profiles with their organisations, cluster, photo and certification status,
    in a fixed number of queries."""
    profiles = list(
        ChampionProfile.objects.filter(pk__in=[p.pk for p in profiles])
        .select_related("cluster__region", "photo", "user")
        .prefetch_related(Prefetch("organisations", queryset=Organisation.objects.order_by("name")))
        .order_by("display_name", "pk")
    )
    statuses = certification_status_by_user([p.user_id for p in profiles])
    for profile in profiles:
        profile.certification = _words(statuses.get(profile.user_id))
    return profiles


def _words(status: CertificateStatus | None) -> tuple[str, str]:
    if status is None:
        return NO_CERTIFICATE
    return CERTIFICATION_WORDS.get(status, NO_CERTIFICATE)


def champion_certification(profile: ChampionProfile) -> tuple[str, str]:
    return _words(certification_status_by_user([profile.user_id]).get(profile.user_id))


@dataclass
class CoverageRow:
    label: str
    registered: int = 0
    enrolled: int = 0
    completed: int = 0
    certified: int = 0

    def share(self, count: int) -> int:
        """A whole percentage, rounded down (as learners read them everywhere on the site)."""
        return 100 * count // self.registered if self.registered else 0

    @property
    def enrolled_share(self) -> int:
        return self.share(self.enrolled)

    @property
    def completed_share(self) -> int:
        return self.share(self.completed)

    @property
    def certified_share(self) -> int:
        return self.share(self.certified)


@dataclass
class Coverage:
    total: CoverageRow
    by_profession: list[CoverageRow] = field(default_factory=list)


def cluster_coverage(cluster: Cluster) -> Coverage:
    """Of the registered clinicians at the cluster's organisations: how many are enrolled on a
    course, have completed one, and hold a current certificate; in all and by profession. A
    fixed number of queries, however many people and organisations."""
    from courses.certification.models import Certificate

    today = timezone.localdate()
    members = User.objects.filter(organisation__cluster=cluster, is_active=True)
    current = Certificate.objects.filter(
        holder=OuterRef("pk"),
        revoked_at__isnull=True,
        renewal__isnull=True,
        expires_on__gt=today,
    )
    counts = (
        members.annotate(
            is_enrolled=Exists(Enrolment.objects.filter(user=OuterRef("pk"))),
            is_certified=Exists(current),
        )
        .values("profession")
        .annotate(
            registered=Count("pk"),
            enrolled=Count("pk", filter=Q(is_enrolled=True)),
            certified=Count("pk", filter=Q(is_certified=True)),
        )
        .order_by("profession")
    )
    courses = list(CoursePage.objects.live())
    finished = course_completers(courses=courses, user_ids=members.values("pk"))
    professions = dict(members.values_list("pk", "profession"))
    completed_by: dict[str, int] = {}
    for user_id in finished:
        if user_id in professions:
            completed_by[professions[user_id]] = completed_by.get(professions[user_id], 0) + 1
    labels = dict(Profession.choices)
    total = CoverageRow("All professions")
    rows = []
    for row in counts:
        profession = row["profession"]
        line = CoverageRow(
            labels.get(profession, "Not given"),
            registered=row["registered"],
            enrolled=row["enrolled"],
            completed=completed_by.get(profession, 0),
            certified=row["certified"],
        )
        rows.append(line)
        for name in ("registered", "enrolled", "completed", "certified"):
            setattr(total, name, getattr(total, name) + getattr(line, name))
    return Coverage(total=total, by_profession=rows)


def cluster_organisations(cluster: Cluster) -> tuple[list[Organisation], list[Organisation]]:
    """The cluster's practices, each with the physiotherapy services it refers to, and its
    other organisations; three queries."""
    organisations = list(
        cluster.organisations.order_by("name").prefetch_related(
            Prefetch("refers_to", queryset=Organisation.objects.order_by("name"))
        )
    )
    practices = [o for o in organisations if o.kind == OrganisationKind.GP_PRACTICE]
    others = [o for o in organisations if o.kind != OrganisationKind.GP_PRACTICE]
    return practices, others


def sees_cluster_detail(user, cluster: Cluster) -> bool:
    """The cluster's own champions, trainers and administrators see coverage by profession."""
    from core.roles import user_is_trainer

    if user_is_trainer(user):
        return True
    if not user.is_authenticated:
        return False
    return directory_profiles().filter(user=user, cluster=cluster).exists()
