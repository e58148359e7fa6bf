"""Demo champion network: champions with generated portrait placeholders (drawn here, not
downloaded), one application awaiting a decision, resources with generated PDF documents (some
waiting for a trainer's approval), and clinicians at the demo organisations with a spread of
progress, so each cluster's training coverage has something to show. Idempotent."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from cms.champion_photos import photo_store
from cms.models import ChampionProfile, NetworkRole, ResourceIndexPage, ResourcePage
from core.choices import Profession, Role
from core.models import Organisation, User
from core.services import user_assign_role
from courses.certification.models import Certificate
from courses.certification.services import add_months
from courses.learning.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.learning.selectors import course_modules_live
from courses.quiz.choices import AnswerReveal, SittingStatus
from courses.quiz.models import Sitting

# (e-mail, name, profession, role, organisation codes, bio)
CHAMPIONS = (
    (
        "champion@example.com",
        "Tom Okafor",
        Profession.PHYSIOTHERAPIST,
        NetworkRole.CLINICAL_CHAMPION,
        ("ZNF01",),
        "Physiotherapist and MSK lead at Northfield. I run the cluster's monthly case "
        "discussions on scoring the tool and matching treatment.",
    ),
    (
        "amara.bello@example.com",
        "Dr Amara Bello",
        Profession.GP,
        NetworkRole.CLINICAL_CHAMPION,
        ("Z10001",),
        "GP partner at Riverside. Happy to talk through how we fitted the tool into ten-minute "
        "appointments.",
    ),
    (
        "owen.price@example.com",
        "Owen Price",
        Profession.PHYSIOTHERAPIST,
        NetworkRole.TRAINER,
        ("ZRV01", "Z10002"),
        "Advanced practice physiotherapist; I lead the psychologically informed physiotherapy "
        "training for the Riverside service.",
    ),
    (
        "helen.ashworth@example.com",
        "Dr Helen Ashworth",
        Profession.GP,
        NetworkRole.CHANGE_AGENT,
        ("Z20001",),
        "GP and clinical director. I look after the audit of stratified referrals across "
        "Northfield.",
    ),
    (
        "sunita.rao@example.com",
        "Sunita Rao",
        Profession.NURSE,
        NetworkRole.CLINICAL_CHAMPION,
        ("Z20003",),
        "Advanced nurse practitioner. I help colleagues with safety-netting and red flags.",
    ),
    (
        "gareth.evans@example.com",
        "Gareth Evans",
        Profession.PHYSIOTHERAPIST,
        NetworkRole.CLINICAL_CHAMPION,
        ("ZHC01",),
        "Physiotherapist at Hillcrest Hospital; first contact for rural practices.",
    ),
    (
        "mei.chen@example.com",
        "Dr Mei Chen",
        Profession.GP,
        NetworkRole.CLINICAL_CHAMPION,
        ("Z30001", "Z30002"),
        "Salaried GP across two Hillcrest practices.",
    ),
    (
        "joe.harris@example.com",
        "Joe Harris",
        Profession.PHARMACIST,
        NetworkRole.CHANGE_AGENT,
        ("Z30003",),
        "Practice pharmacist: pain relief advice that fits each risk group.",
    ),
)
APPLICANT = (
    "lena.fischer@example.com",
    "Lena Fischer",
    Profession.PHYSIOTHERAPIST,
    NetworkRole.CLINICAL_CHAMPION,
    ("ZNF01",),
    "New to Northfield MSK and keen to support the practices we serve.",
)
COLOURS = ("#005eb8", "#007f3b", "#330072", "#7c2855", "#00a499", "#ae2573", "#003087", "#4c6272")

# (title, type, audience, summary, tags, champion e-mail, awaiting approval)
RESOURCES = (
    (
        "Your back pain: what helps",
        "patient_leaflet",
        "patients",
        "A plain-English leaflet for low-risk patients: staying active, pain relief and when to "
        "come back.",
        ("self-management", "low risk"),
        "amara.bello@example.com",
        False,
    ),
    (
        "Physiotherapy for back pain: what to expect",
        "patient_leaflet",
        "patients",
        "For medium-risk patients referred to physiotherapy: what the sessions involve.",
        ("physiotherapy", "medium risk"),
        "owen.price@example.com",
        False,
    ),
    (
        "Worry, low mood and back pain",
        "patient_leaflet",
        "patients",
        "For high-risk patients: why the physiotherapist asks about worry and mood, and how that "
        "helps.",
        ("psychosocial", "high risk"),
        "owen.price@example.com",
        False,
    ),
    (
        "Scoring the tool in a ten-minute consultation",
        "clinician_guide",
        "clinicians",
        "A one-page guide to giving, scoring and acting on the tool in a GP appointment.",
        ("scoring",),
        "amara.bello@example.com",
        False,
    ),
    (
        "Red flags and safety-netting: a desk card",
        "clinician_guide",
        "clinicians",
        "Which features need sending now, the same day or urgently, and what to tell every "
        "patient.",
        ("red flags", "safety-netting"),
        "sunita.rao@example.com",
        False,
    ),
    (
        "Northfield cluster launch slides",
        "slides",
        "clinicians",
        "The slides from the cluster's launch session on stratified care.",
        ("launch",),
        "champion@example.com",
        False,
    ),
    (
        "Stratified referral pathway: Riverside",
        "pathway",
        "commissioners",
        "Who goes where after the tool, in the Riverside cluster.",
        ("pathway",),
        "owen.price@example.com",
        False,
    ),
    (
        "Referral audit template",
        "audit_tool",
        "commissioners",
        "A template to audit whether referrals match the risk group.",
        ("audit",),
        "helen.ashworth@example.com",
        False,
    ),
    (
        "Hillcrest rural access guide",
        "clinician_guide",
        "clinicians",
        "Getting medium- and high-risk patients to physiotherapy from rural practices.",
        ("access",),
        "gareth.evans@example.com",
        True,
    ),
    (
        "Pain relief by risk group",
        "clinician_guide",
        "clinicians",
        "What a practice pharmacist suggests for pain relief alongside matched care.",
        ("pain relief",),
        "joe.harris@example.com",
        True,
    ),
    (
        "Northfield MSK referral checklist",
        "pathway",
        "clinicians",
        "What to include when referring a medium- or high-risk patient to Northfield MSK.",
        ("pathway", "referral"),
        "champion@example.com",
        True,
    ),
)

# Demo clinicians at each practice and service: (profession, how far they have got)
SPREAD = (
    (Profession.GP, "certified"),
    (Profession.GP, "completed"),
    (Profession.GP, "enrolled"),
    (Profession.NURSE, "registered"),
    (Profession.PHYSIOTHERAPIST, "certified"),
    (Profession.PHYSIOTHERAPIST, "enrolled"),
)


def portrait(name: str, colour: str) -> bytes:
    """A square placeholder portrait: the initials on a coloured disc, drawn with Pillow."""
    size = 320
    image = Image.new("RGB", (size, size), "#f0f4f5")
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=colour)
    words = [word for word in name.replace("Dr ", "").split() if word]
    initials = "".join(word[0] for word in words[:2]).upper()
    font = ImageFont.load_default(size=120)
    box = draw.textbbox((0, 0), initials, font=font)
    position = ((size - (box[2] - box[0])) / 2 - box[0], (size - (box[3] - box[1])) / 2 - box[1])
    draw.text(position, initials, fill="white", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def leaflet_pdf(title: str, summary: str) -> bytes:
    """A one-page demo document for a resource."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("STarT Back training (demo)")
    width, height = A4
    pdf.setFillColor("#005eb8")
    pdf.rect(0, height - 70, width, 70, stroke=0, fill=1)
    pdf.setFillColor("white")
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(40, height - 45, title)
    pdf.setFillColor("black")
    pdf.setFont("Helvetica", 12)
    text = pdf.beginText(40, height - 110)
    line = ""
    for word in summary.split():
        if len(line) + len(word) > 80:
            text.textLine(line)
            line = ""
        line = f"{line} {word}".strip()
    text.textLine(line)
    text.textLine("")
    text.textLine("Demo document: generated for the demonstration site.")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _user(email: str, name: str, profession: str, organisation: Organisation | None) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=name, profession=profession, organisation=organisation)
        user.set_unusable_password()
        user.save()
        user_assign_role(user=user, role=Role.TRAINEE)
    return user


# How far each demo champion has got with the course, in turn.
CHAMPION_STAGES = ("certified", "certified", "expiring", "completed", "enrolled")


def _profile(entry, index: int, *, status: str) -> ChampionProfile:
    email, name, profession, role, codes, bio = entry
    organisations = list(Organisation.objects.filter(ods_code__in=codes))
    user = _user(email, name, profession, organisations[0] if organisations else None)
    profile = ChampionProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    photo = photo_store(
        data=portrait(name, COLOURS[index % len(COLOURS)]),
        extension="png",
        title=f"Photo: {name}",
    )
    profile = ChampionProfile.objects.create(
        user=user,
        display_name=name,
        network_role=role,
        profession=profession,
        cluster=next((o.cluster for o in organisations if o.cluster_id), None),
        bio=bio,
        photo=photo,
        show_email=index % 2 == 0,
        status=status,
        reason="I would like to support colleagues with stratified care.",
        decided_at=timezone.now() if status == ChampionProfile.Status.APPROVED else None,
    )
    profile.organisations.set(organisations)
    if status == ChampionProfile.Status.APPROVED:
        user_assign_role(user=user, role=Role.CHAMPION)
    return profile


def _resources(library: ResourceIndexPage, profiles: dict[str, ChampionProfile]) -> int:
    made = 0
    today = timezone.localdate()
    Document = get_document_model()
    for title, kind, audience, summary, tags, champion, awaiting in RESOURCES:
        if ResourcePage.objects.child_of(library).filter(title=title).exists():
            continue
        profile = profiles.get(champion) or profiles.get("champion@example.com")
        document = Document(title=title)
        data = leaflet_pdf(title, summary)
        document.file.save(
            f"{title.lower().replace(' ', '-').replace(':', '')[:60]}.pdf",
            ContentFile(data),
            save=False,
        )
        document.file_size = len(data)
        document.save()
        page = ResourcePage(
            title=title,
            resource_type=kind,
            audience=audience,
            summary=summary,
            body="<p>Made by a champion for local use. Check it against current guidance and "
            "your local pathway before you use it, and adapt it where your service differs.</p>",
            document=document,
            champion=profile,
            cluster=profile.cluster if profile else None,
            review_date=today + datetime.timedelta(days=365),
            owner=profile.user if profile else None,
            live=False,
        )
        library.add_child(instance=page)
        page.tags.add(*tags)
        revision = page.save_revision(user=profile.user if profile else None)
        if awaiting and profile is not None:
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, profile.user)
        else:
            revision.publish()
        made += 1
    return made


def _progress(user: User, course: CoursePage, stage: str) -> None:
    """Enrol, and for "completed" and "certified" finish every lesson and quiz."""
    if stage == "registered":
        return
    Enrolment.objects.get_or_create(user=user, course=course)
    if stage == "enrolled":
        first = LessonPage.objects.live().descendant_of(course).order_by("path").first()
        if first is not None:
            LessonCompletion.objects.get_or_create(user=user, lesson=first)
        return
    for module in course_modules_live(course=course):
        for lesson in module.required_lessons:
            LessonCompletion.objects.get_or_create(user=user, lesson=lesson.page)
        quiz = module.page.quiz if module.quiz_id else None
        if quiz is not None and not Sitting.objects.filter(user=user, quiz=quiz).exists():
            Sitting.objects.create(
                user=user,
                quiz=quiz,
                quiz_title=quiz.title,
                pass_mark=quiz.pass_mark,
                answers_reveal=AnswerReveal.AT_END,
                question_total=10,
                status=SittingStatus.COMPLETE,
                ended_at=timezone.now(),
                score=Decimal(9),
                max_score=Decimal(10),
                percent=Decimal(90),
                passed=True,
            )
    if stage in ("certified", "expiring") and not Certificate.objects.filter(holder=user).exists():
        # An expiring certificate was issued 23 months ago, so its renewal window is open.
        days = 700 if stage == "expiring" else 60
        issued = timezone.localdate() - datetime.timedelta(days=days)
        Certificate.objects.create(
            holder=user,
            holder_name=user.full_name,
            course=course,
            course_title=course.title,
            cpd_hours=course.cpd_hours,
            issued_on=issued,
            expires_on=add_months(issued, 24),
            criteria="Demo certificate.",
        )


FIRST_NAMES = ("Alex", "Sam", "Jordan", "Priya", "Chris", "Noor", "Ellis", "Ruth", "Kai", "Zara")
LAST_NAMES = ("Morgan", "Patel", "Jones", "Ahmed", "Walsh", "Kowalski", "Reid", "Singh")


def _clinicians(course: CoursePage | None) -> int:
    made = 0
    organisations = Organisation.objects.filter(cluster__isnull=False).order_by("ods_code")
    for org_index, organisation in enumerate(organisations):
        for person, (profession, stage) in enumerate(SPREAD):
            if (org_index + person) % 4 == 3:
                continue  # not everyone has registered: the spread differs by organisation
            code = (organisation.ods_code or str(organisation.pk)).lower()
            email = f"clinician.{code}.{person}@example.com"
            first = FIRST_NAMES[(org_index + person) % len(FIRST_NAMES)]
            last = LAST_NAMES[(org_index * 3 + person) % len(LAST_NAMES)]
            existed = User.objects.filter(email=email).exists()
            user = _user(email, f"{first} {last}", profession, organisation)
            if course is not None:
                _progress(user, course, stage)
            made += not existed
    return made


@transaction.atomic
def demo_champions_ensure() -> dict[str, int]:
    profiles = {
        entry[0]: _profile(entry, index, status=ChampionProfile.Status.APPROVED)
        for index, entry in enumerate(CHAMPIONS)
    }
    _profile(APPLICANT, len(CHAMPIONS), status=ChampionProfile.Status.PENDING)
    library = ResourceIndexPage.objects.first()
    resources = _resources(library, profiles) if library is not None else 0
    course = CoursePage.objects.live().order_by("path").first()
    if course is not None:
        for index, profile in enumerate(profiles.values()):
            _progress(profile.user, course, CHAMPION_STAGES[index % len(CHAMPION_STAGES)])
    clinicians = _clinicians(course)
    return {"champions": len(profiles), "resources": resources, "clinicians": clinicians}
