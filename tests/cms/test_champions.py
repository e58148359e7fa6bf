"""The champion network: applying, deciding, the directory's filters, search and visibility rules,
bios sanitised, photos checked, a cluster's training coverage, and constant query counts."""

import datetime
import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from PIL import Image

from cms.champions import cluster_coverage
from cms.models import ChampionProfile, NetworkRole
from core.choices import Profession, Role
from core.models import AuditEvent, OrganisationKind
from core.sanitise import sanitise_bio
from core.services import user_assign_role
from courses.certification.models import Certificate
from courses.learning.models import LessonPage
from tests.courses.factories import complete, course_tree, enrol, training_index
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    """Champions and trainers must use a second factor; these tests are not about that."""
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def champion(name="Dr Amara Bello", *, organisation=None, listed=True, **fields):
    organisation = organisation or OrganisationFactory()
    user = UserFactory(full_name=name, organisation=organisation, roles=[Role.CHAMPION])
    profile = ChampionProfile.objects.create(
        user=user,
        display_name=name,
        network_role=fields.pop("network_role", NetworkRole.CLINICAL_CHAMPION),
        profession=fields.pop("profession", Profession.GP),
        cluster=organisation.cluster,
        status=ChampionProfile.Status.APPROVED,
        listed=listed,
        **fields,
    )
    profile.organisations.set([organisation])
    return profile


def certificate(holder, *, expires_in: int, revoked=False):
    today = timezone.localdate()
    return Certificate.objects.create(
        holder=holder,
        holder_name=holder.full_name,
        course_title="Stratified care",
        cpd_hours=4,
        issued_on=today - datetime.timedelta(days=100),
        expires_on=today + datetime.timedelta(days=expires_in),
        revoked_at=timezone.now() if revoked else None,
        revoked_reason="Issued in error." if revoked else "",
    )


def png(width=200, height=200, *, exif=False) -> bytes:
    image = Image.new("RGB", (width, height), "#005eb8")
    buffer = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "CameraMaker"  # Make
        data[0x8825] = {2: (51.0, 30.0, 0.0)}  # GPS latitude
        image.save(buffer, format="JPEG", exif=data)
    else:
        image.save(buffer, format="PNG")
    return buffer.getvalue()


# Applying and deciding -----------------------------------------------------------------------


def application_data(organisation, **changes):
    return {
        "display_name": "Sunita Rao",
        "network_role": NetworkRole.CLINICAL_CHAMPION,
        "profession": Profession.NURSE,
        "organisations": [organisation.pk],
        "cluster": "",
        "bio": "I help colleagues with safety-netting.\n\nAsk me about red flags.",
        "reason": "I want to support my practice.",
        **changes,
    }


def listed(page: str, name: str) -> bool:
    return f"{name}</a></h3>" in page


def test_a_clinician_applies_a_trainer_approves_and_the_champion_is_listed(
    client, home, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Kingsway Surgery")
    applicant = UserFactory(full_name="Sunita Rao", organisation=organisation)
    client.force_login(applicant)
    photo = SimpleUploadedFile("me.png", png(), content_type="image/png")

    response = client.post(
        reverse("champion_apply"), {**application_data(organisation), "photo_upload": photo}
    )
    assert response.status_code == 302
    profile = ChampionProfile.objects.get(user=applicant)
    assert profile.status == ChampionProfile.Status.PENDING
    assert profile.cluster == organisation.cluster and profile.photo is not None
    assert not listed(client.get(reverse("champions")).text, "Sunita Rao")
    assert "Awaiting a decision" in client.get(reverse("champion_mine")).text

    trainer = UserFactory(roles=[Role.TRAINER])
    client.force_login(trainer)
    assert "Sunita Rao" in client.get(reverse("champion_applications")).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("champion_application", args=[profile.pk]), {"approve": "1"}, follow=True
        )
    assert "Sunita Rao is now a champion" in response.text
    profile.refresh_from_db()
    applicant.refresh_from_db()
    assert profile.status == ChampionProfile.Status.APPROVED
    assert applicant.has_role(Role.CHAMPION)
    (message,) = mail.outbox
    assert message.to == [applicant.email] and "champion" in message.subject
    assert f"/champions/{profile.pk}/" in message.body
    assert AuditEvent.objects.filter(kind="champion_approved", subject=applicant).exists()

    directory = client.get(reverse("champions")).text
    assert listed(directory, "Sunita Rao") and "Kingsway Surgery" in directory


def test_a_trainer_declines_with_a_reason_and_the_applicant_is_told(
    client, home, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    applicant = UserFactory(full_name="Joe Harris", organisation=organisation)
    profile = ChampionProfile.objects.create(
        user=applicant,
        display_name="Joe Harris",
        network_role=NetworkRole.CHANGE_AGENT,
        profession=Profession.PHARMACIST,
        reason="To help.",
    )
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    url = reverse("champion_application", args=[profile.pk])

    response = client.post(url, {"decline": "1", "reason": "  "})
    assert "Give the reason for declining" in response.text
    profile.refresh_from_db()
    assert profile.status == ChampionProfile.Status.PENDING and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decline": "1", "reason": "Please complete the course first."})
    profile.refresh_from_db()
    assert profile.status == ChampionProfile.Status.DECLINED
    assert "Please complete the course first." in mail.outbox[0].body
    assert not UserFactory._meta.model.objects.get(pk=applicant.pk).has_role(Role.CHAMPION)

    # A second decision changes nothing.
    response = client.post(url, {"approve": "1"}, follow=True)
    assert "already been decided" in response.text
    profile.refresh_from_db()
    assert profile.status == ChampionProfile.Status.DECLINED

    client.force_login(applicant)
    page = client.get(reverse("champion_mine")).text
    assert "Declined" in page and "Please complete the course first." in page


def test_a_trainee_cannot_decide_applications(client, home):
    profile = ChampionProfile.objects.create(
        user=UserFactory(), display_name="X", network_role="trainer", profession="gp"
    )
    client.force_login(UserFactory())
    assert client.get(reverse("champion_applications")).status_code == 403
    response = client.post(reverse("champion_application", args=[profile.pk]), {"approve": "1"})
    assert response.status_code == 403
    profile.refresh_from_db()
    assert profile.status == ChampionProfile.Status.PENDING


def test_a_bad_application_is_refused_with_messages_and_keeps_what_was_typed(client, home):
    organisation = OrganisationFactory()
    user = UserFactory(organisation=organisation)
    client.force_login(user)
    response = client.post(
        reverse("champion_apply"),
        application_data(organisation, organisations=[], network_role="", bio="Kept bio"),
    )
    assert response.status_code == 200
    assert "Choose at least one organisation you work for." in response.text
    assert "Select your role in the network." in response.text
    assert "Kept bio" in response.text
    assert not ChampionProfile.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"GIF89a" + b"\x00" * 200, "me.gif", "JPEG, PNG or WebP"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "me.svg",
            "JPEG, PNG or WebP",
        ),
        (b"not an image at all", "me.png", "JPEG, PNG or WebP"),
        (png(40, 40), "tiny.png", "at least 100 pixels"),
        (b"\x00" * (5 * 1024 * 1024 + 1), "big.png", "5 MB or smaller"),
    ],
)
def test_bad_photos_are_refused_with_a_clear_message(client, home, content, name, message):
    organisation = OrganisationFactory()
    client.force_login(UserFactory(organisation=organisation))
    upload = SimpleUploadedFile(name, content)
    response = client.post(
        reverse("champion_apply"), {**application_data(organisation), "photo_upload": upload}
    )
    assert response.status_code == 200
    assert message in response.text
    assert not ChampionProfile.objects.exists()


def test_a_decompression_bomb_is_refused_before_it_is_decoded(client, home):
    # A PNG whose header claims 20,000 × 20,000 pixels (400 million), a few kilobytes on disk.
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, format="PNG")
    assert bomb.tell() < 200_000
    organisation = OrganisationFactory()
    client.force_login(UserFactory(organisation=organisation))
    upload = SimpleUploadedFile("bomb.png", bomb.getvalue(), content_type="image/png")
    response = client.post(
        reverse("champion_apply"), {**application_data(organisation), "photo_upload": upload}
    )
    assert response.status_code == 200
    assert "too many pixels" in response.text
    assert not ChampionProfile.objects.exists()


def test_a_photo_is_stored_without_its_exif_and_shown_as_a_rendition(client, home):
    organisation = OrganisationFactory()
    user = UserFactory(organisation=organisation)
    client.force_login(user)
    upload = SimpleUploadedFile("me.jpg", png(exif=True), content_type="image/jpeg")
    client.post(
        reverse("champion_apply"), {**application_data(organisation), "photo_upload": upload}
    )
    profile = ChampionProfile.objects.get(user=user)
    with profile.photo.file.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
    profile.status = ChampionProfile.Status.APPROVED
    profile.save()
    user_assign_role(user=user, role=Role.CHAMPION)
    page = client.get(reverse("champion", args=[profile.pk])).text
    assert ".fill-240x240.jpg" in page  # a resized rendition, not the upload itself


# Sanitising ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('x')</script>Hello",
        '<p onclick="alert(1)">Hello</p>',
        '<a href="javascript:alert(1)">Hello</a>',
        '<svg onload="alert(1)"><circle r="4"/></svg>Hello',
        "<style>body{display:none}</style>Hello",
        '<p style="position:fixed;top:0">Hello</p>',
        '<img src="x" onerror="alert(1)">Hello',
        '<iframe src="https://example.org"></iframe>Hello',
    ],
)
def test_a_bio_keeps_its_words_and_loses_every_script_handler_and_style(payload):
    cleaned = sanitise_bio(payload)
    assert "Hello" in cleaned
    for bad in (
        "<script",
        "onclick",
        "javascript:",
        "<svg",
        "<style",
        "style=",
        "onerror",
        "<iframe",
        "alert",
        "display:none",
    ):
        assert bad not in cleaned.lower()


def test_a_bio_keeps_paragraphs_emphasis_lists_and_safe_links():
    cleaned = sanitise_bio(
        "First paragraph.\n\nSecond with <strong>bold</strong> and "
        '<a href="https://example.org/guide">a guide</a>.'
    )
    assert cleaned.startswith("<p>First paragraph.</p><p>Second with <strong>bold</strong>")
    assert '<a href="https://example.org/guide" rel="nofollow">a guide</a>' in cleaned


def test_a_bio_is_shown_sanitised_on_the_profile(client, home):
    profile = champion(bio='Hello <script>alert(1)</script><a href="javascript:x()">me</a>')
    page = client.get(reverse("champion", args=[profile.pk])).text
    assert "<script>alert(1)" not in page and "javascript:x()" not in page
    assert "Hello" in page


# The directory ---------------------------------------------------------------------------------


def test_the_directory_filters_and_searches(client, home):
    north = ClusterFactory(name="Northfield")
    river = ClusterFactory(name="Riverside")
    kingsway = OrganisationFactory(name="Kingsway Surgery", cluster=north)
    weir = OrganisationFactory(name="Weir Lane Health Centre", cluster=river)
    champion("Dr Amara Bello", organisation=kingsway)
    champion(
        "Owen Price",
        organisation=weir,
        profession=Profession.PHYSIOTHERAPIST,
        network_role=NetworkRole.TRAINER,
    )
    url = reverse("champions")

    def names(**params):
        page = client.get(url, params).text
        return [n for n in ("Dr Amara Bello", "Owen Price") if f">{n}</a>" in page]

    assert names() == ["Dr Amara Bello", "Owen Price"]
    assert names(q="bello") == ["Dr Amara Bello"]
    assert names(q="weir lane") == ["Owen Price"]
    assert names(cluster=north.pk) == ["Dr Amara Bello"]
    assert names(region=river.region.pk) == ["Owen Price"]
    assert names(organisation=weir.pk) == ["Owen Price"]
    assert names(profession=Profession.GP) == ["Dr Amara Bello"]
    assert names(role=NetworkRole.TRAINER) == ["Owen Price"]
    assert names(near=kingsway.pk) == ["Dr Amara Bello"]
    assert names(q="nobody") == []
    assert client.get(url, {"cluster": "not-a-number", "page": "x"}).status_code == 200


def test_unlisted_pending_and_departed_champions_are_never_shown(client, home):
    shown = champion("Listed Person")
    hidden = champion("Unlisted Person", listed=False)
    pending = champion("Pending Person")
    pending.status = ChampionProfile.Status.PENDING
    pending.save()
    departed = champion("Departed Person")
    departed.user.groups.clear()  # left the Champion group in the admin

    page = client.get(reverse("champions")).text
    assert listed(page, "Listed Person")
    for name in ("Unlisted Person", "Pending Person", "Departed Person"):
        assert name not in page
    for profile in (hidden, pending, departed):
        assert client.get(reverse("champion", args=[profile.pk])).status_code == 404
    departed.refresh_from_db()
    assert departed.listed is False
    assert client.get(reverse("champion", args=[shown.pk])).status_code == 200


def test_leaving_the_network_unlists_and_removes_the_role(client, home):
    profile = champion("Gareth Evans")
    client.force_login(profile.user)
    assert "Leave the champion network?" in client.get(reverse("champion_leave")).text
    assert ChampionProfile.objects.get(pk=profile.pk).listed
    response = client.post(reverse("champion_leave"), follow=True)
    assert "You have left the champion network" in response.text
    profile.refresh_from_db()
    profile.user.__dict__.pop("_role_names", None)
    assert not profile.listed and not profile.user.has_role(Role.CHAMPION)
    assert not listed(client.get(reverse("champions")).text, "Gareth Evans")
    assert "Ask to rejoin" in client.get(reverse("champion_mine")).text


def test_an_e_mail_address_shows_only_to_signed_in_users_and_only_if_opted_in(client, home):
    sharing = champion("Sharing Person", show_email=True)
    private = champion("Private Person", show_email=False)

    for profile in (sharing, private):
        page = client.get(reverse("champion", args=[profile.pk])).text
        assert profile.user.email not in page
    assert (
        "Sign in</a> to see their e-mail address"
        in client.get(reverse("champion", args=[sharing.pk])).text
    )

    client.force_login(UserFactory())
    assert sharing.user.email in client.get(reverse("champion", args=[sharing.pk])).text
    assert private.user.email not in client.get(reverse("champion", args=[private.pk])).text
    assert private.user.email not in client.get(reverse("champions")).text


def test_certification_status_comes_from_the_certificates(client, home):
    current = champion("Current Holder")
    certificate(current.user, expires_in=400)
    expiring = champion("Expiring Holder")
    certificate(expiring.user, expires_in=30)
    expired = champion("Expired Holder")
    certificate(expired.user, expires_in=-3)
    revoked = champion("Revoked Holder")
    certificate(revoked.user, expires_in=400, revoked=True)

    page = client.get(reverse("champions")).text

    def status_of(name):
        after = page[page.index(f">{name}</a>") :]
        return after[after.index("Certification:") :][:120]

    assert "Current" in status_of("Current Holder")
    assert "Expires soon" in status_of("Expiring Holder")
    assert "Expired" in status_of("Expired Holder")
    assert ">None<" in status_of("Revoked Holder")


def queries(client, url, params=None) -> int:
    client.get(url, params)  # warm the site's settings and the navigation cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_the_directory_and_a_cluster_page_take_the_same_queries_however_many(client, home):
    cluster = ClusterFactory(slug="northfield")
    organisation = OrganisationFactory(cluster=cluster)
    champion("First Champion", organisation=organisation)
    directory = reverse("champions")
    page = reverse("cluster", args=["northfield"])
    few = queries(client, directory), queries(client, page)

    for number in range(8):
        extra = OrganisationFactory(cluster=cluster)
        profile = champion(f"Champion {number}", organisation=extra)
        certificate(profile.user, expires_in=100)
        UserFactory(organisation=extra)
    many = queries(client, directory), queries(client, page)
    assert few == many


# Coverage --------------------------------------------------------------------------------------


def test_cluster_coverage_matches_a_hand_built_fixture(client, home):
    cluster = ClusterFactory(slug="riverside")
    practice = OrganisationFactory(cluster=cluster)
    service = OrganisationFactory(
        cluster=cluster, kind=OrganisationKind.PHYSIOTHERAPY, ods_code="ZRV01"
    )
    elsewhere = OrganisationFactory()
    course = course_tree(index=training_index(home), modules=1, lessons=2)
    lessons = list(LessonPage.objects.descendant_of(course))

    # GPs at the practice: 4 registered, 3 enrolled, 2 completed, 1 current certificate.
    gps = [UserFactory(profession=Profession.GP, organisation=practice) for _ in range(4)]
    for gp in gps[:3]:
        enrol(gp, course)
    for gp in gps[:2]:
        for lesson in lessons:
            complete(gp, lesson)
    certificate(gps[0], expires_in=200)
    certificate(gps[1], expires_in=-1)  # expired: not current
    # Physiotherapists at the service: 2 registered, 1 enrolled.
    physios = [
        UserFactory(profession=Profession.PHYSIOTHERAPIST, organisation=service) for _ in range(2)
    ]
    enrol(physios[0], course)
    # Someone elsewhere, and someone inactive, do not count.
    enrol(UserFactory(organisation=elsewhere), course)
    UserFactory(organisation=practice, is_active=False)

    coverage = cluster_coverage(cluster)
    assert (coverage.total.registered, coverage.total.enrolled) == (6, 4)
    assert (coverage.total.completed, coverage.total.certified) == (2, 1)
    rows = {row.label: row for row in coverage.by_profession}
    assert (rows["GP"].registered, rows["GP"].enrolled, rows["GP"].completed) == (4, 3, 2)
    assert rows["GP"].certified == 1 and rows["GP"].completed_share == 50
    assert (rows["Physiotherapist"].registered, rows["Physiotherapist"].enrolled) == (2, 1)
    assert rows["Physiotherapist"].enrolled_share == 50

    page = client.get(reverse("cluster", args=["riverside"])).text
    assert "Of the 6 clinicians registered" in page
    assert "4 (66%) are enrolled on a course" in page
    assert "By profession" not in page  # the detail is for the cluster's champions and trainers
    champion("Local Champion", organisation=practice)
    client.force_login(ChampionProfile.objects.get(display_name="Local Champion").user)
    assert "By profession" in client.get(reverse("cluster", args=["riverside"])).text
    client.force_login(champion("Other Champion").user)
    assert "By profession" not in client.get(reverse("cluster", args=["riverside"])).text
    assert client.get(reverse("cluster", args=["nowhere"])).status_code == 404
