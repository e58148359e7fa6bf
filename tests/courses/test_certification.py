"""Certification: the rule, assessed sets, issuing once, the PDF, the signed credential, public
verification, revocation and expiry reminders."""

import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pypdfium2
import pytest
import time_machine
import zxingcpp
from joserfc import jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet
from pypdf import PdfReader

from core.models import AuditEvent
from courses.certification.codes import ALPHABET, code_generate, code_normalise
from courses.certification.models import (
    AssessedSet,
    AssessedSetCase,
    Certificate,
    CertificateReminder,
    CertificationRule,
    CpdReflection,
)
from courses.certification.services import add_months, case_judgement, certificate_award
from courses.learning.models import LessonPage, ModulePage
from scoring_practice.agreement import agreement
from scoring_practice.feedback import Submission
from scoring_practice.reference import Reference
from scoring_practice.startback import MATCHED_TREATMENTS, RiskGroup
from tests.courses.factories import (
    complete,
    course_tree,
    enrol,
    sitting_finished,
    training_index,
)
from tests.courses.quiz_factories import responsible_for
from tests.courses.quiz_factories import trainer as make_trainer
from tests.factories import UserFactory
from tests.scoring_practice.factories import (
    BOUNDARY_ITEMS,
    PracticeIndexPageFactory,
    questionnaire_block,
    reference_fields,
    vignette_publish,
)
from tests.scoring_practice.test_attempts import RIGHT_SCORES

pytestmark = pytest.mark.django_db
WRONG_SCORES = {**RIGHT_SCORES, "risk": "low", "treatment": "low"}


# The rule and issuing -----------------------------------------------------------------------


@pytest.fixture
def course(home):
    return course_tree(index=training_index(home), modules=2, lessons=1, quiz=True, cpd_hours=4)


@pytest.fixture
def holder():
    return UserFactory(full_name="Amira Okafor")


def finish_course(user, course):
    """Every lesson completed and every module quiz passed."""
    enrol(user, course)
    for lesson in LessonPage.objects.descendant_of(course):
        complete(user, lesson)
    for module in ModulePage.objects.child_of(course):
        if module.specific.quiz is not None:
            sitting_finished(user=user, quiz=module.specific.quiz, passed=True)


def test_finishing_a_course_with_a_rule_issues_its_certificate_once(
    course, holder, django_capture_on_commit_callbacks
):
    CertificationRule.objects.create(course=course)
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(holder, course)

    (certificate,) = Certificate.objects.filter(holder=holder)
    assert certificate.holder_name == "Amira Okafor"
    assert certificate.cpd_hours == 4
    assert certificate.expires_on == add_months(certificate.issued_on, 24)
    assert certificate.criteria == (
        "Met the rule: completed the course's required lessons and passed its required quizzes."
    )
    assert certificate_award(user=holder, course=course) is None
    assert Certificate.objects.filter(holder=holder).count() == 1
    assert AuditEvent.objects.filter(kind="certificate_issued", subject=holder).count() == 1


def test_the_course_page_lists_what_remains_with_links(client, course, holder):
    CertificationRule.objects.create(course=course)
    enrol(holder, course)
    first_lesson = LessonPage.objects.descendant_of(course).first()
    complete(holder, first_lesson)
    client.force_login(holder)

    page = client.get(course.url).text

    assert "Certificate" in page
    assert f"Done</strong> Complete the lesson “{first_lesson.title}”" in page
    assert page.count("To do</strong>") == 3  # the other lesson and both quizzes
    assert not Certificate.objects.exists()


def test_a_failed_quiz_or_a_missing_name_issues_nothing(course, holder):
    CertificationRule.objects.create(course=course)
    enrol(holder, course)
    for lesson in LessonPage.objects.descendant_of(course):
        complete(holder, lesson)
    modules = list(ModulePage.objects.child_of(course))
    sitting_finished(user=holder, quiz=modules[0].specific.quiz, passed=True)
    sitting_finished(user=holder, quiz=modules[1].specific.quiz, passed=False)
    assert certificate_award(user=holder, course=course) is None

    sitting_finished(user=holder, quiz=modules[1].specific.quiz, passed=True)
    holder.full_name = ""
    holder.save()
    assert certificate_award(user=holder, course=course) is None
    holder.full_name = "Amira Okafor"
    holder.save()
    assert certificate_award(user=holder, course=course) is not None


def test_chosen_lessons_and_quizzes_replace_the_defaults(course, holder):
    first_lesson = LessonPage.objects.descendant_of(course).first()
    first_quiz = ModulePage.objects.child_of(course).first().specific.quiz
    rule = CertificationRule.objects.create(course=course)
    rule.required_lessons.set([first_lesson])
    rule.required_quizzes.set([first_quiz])
    rule.save()
    enrol(holder, course)
    complete(holder, first_lesson)
    sitting_finished(user=holder, quiz=first_quiz, passed=True)

    assert certificate_award(user=holder, course=course) is not None


# Codes ----------------------------------------------------------------------------------------


def test_codes_are_readable_and_typed_any_way():
    codes = {code_generate() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert re.fullmatch(r"SB-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert not set(code[3:].replace("-", "")) & set("01IOL")
    assert set(ALPHABET).isdisjoint("01IOL")
    assert code_normalise("sb 7k2m q9tx") == "SB-7K2M-Q9TX"
    assert code_normalise(" 7K2M-Q9TX ") == "SB-7K2M-Q9TX"
    assert code_normalise("SB-7K2M-Q9T0") is None  # 0 is never used
    assert code_normalise("SB-7K2M") is None
    assert code_normalise("<script>") is None


# Public verification --------------------------------------------------------------------------


def certificate_for(holder, course, **fields) -> Certificate:
    today = timezone.localdate()
    values = {
        "holder": holder,
        "holder_name": holder.full_name,
        "course": course,
        "course_title": course.title,
        "cpd_hours": 4,
        "issued_on": today - datetime.timedelta(days=10),
        "expires_on": today + datetime.timedelta(days=700),
        **fields,
    }
    return Certificate.objects.create(**values)


def test_the_verification_page_says_the_status_in_words(client, course, holder):
    today = timezone.localdate()
    valid = certificate_for(holder, course)
    page = client.get(reverse("courses:certificate_verify", args=[valid.code])).text
    assert "This certificate is valid" in page
    assert f"Valid until {valid.expires_on:%-d %B %Y}" in page
    assert "Amira Okafor" in page and course.title in page
    assert holder.email not in page

    valid.expires_on = today - datetime.timedelta(days=1)
    valid.issued_on = today - datetime.timedelta(days=800)
    valid.save()
    page = client.get(reverse("courses:certificate_verify", args=[valid.code])).text
    assert f"Expired on {valid.expires_on:%-d %B %Y}" in page

    renewal = certificate_for(holder, course, renews=valid)
    page = client.get(reverse("courses:certificate_verify", args=[valid.code])).text
    assert f'Renewed: see <a href="/certificates/verify/{renewal.code}/"' in page

    renewal.revoked_at = timezone.now()
    renewal.revoked_reason = "Issued in error after a data import."
    renewal.save()
    page = client.get(reverse("courses:certificate_verify", args=[renewal.code])).text
    assert "Revoked on" in page and "Issued in error after a data import." in page


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def renewal_chain(holder, course, length: int) -> Certificate:
    """`length` certificates, each renewing the one before; the newest expires within 90 days."""
    today = timezone.localdate()
    certificate = None
    for years_ago in range(length, 0, -1):
        certificate = certificate_for(
            holder,
            course,
            renews=certificate,
            issued_on=today - datetime.timedelta(days=365 * years_ago),
            expires_on=today + datetime.timedelta(days=30 if years_ago == 1 else -1),
        )
    return certificate


def test_the_certificate_list_and_verification_take_the_same_queries_however_many(
    client, home, course, holder
):
    other = UserFactory(full_name="Bea Lund")
    renewal_chain(holder, course, 1)
    newest = renewal_chain(other, course, 6)
    for _ in range(2):
        another = course_tree(index=course.get_parent().specific, modules=1, lessons=1)
        renewal_chain(other, another, 1)
    list_url = reverse("courses:certificate_list")

    def list_queries(user) -> int:
        client.force_login(user)
        client.get(list_url)  # the session, site settings and permissions, cached by the first
        return queries_for(client, list_url)

    one = list_queries(holder)
    six = list_queries(other)
    assert one == six
    page = client.get(list_url).text
    assert page.count("Superseded") == 5 and page.count("Renewal is open") == 3

    client.logout()
    renewed = newest.renews
    assert queries_for(client, reverse("courses:certificate_verify", args=[renewed.code])) == (
        queries_for(client, reverse("courses:certificate_verify", args=[newest.code]))
    )


def test_a_typed_code_finds_its_certificate_and_a_bad_one_is_a_clear_404(client, course, holder):
    certificate = certificate_for(holder, course)
    typed = certificate.code.lower().replace("-", " ")

    response = client.get(reverse("courses:certificate_verify_form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:certificate_verify", args=[certificate.code])

    for code in ["SB-AAAA-AAAA", "not a code", "SB-0000-0000", "x" * 39]:
        response = client.get(reverse("courses:certificate_verify", args=[code]))
        assert response.status_code == 404
        assert "No certificate with this code" in response.text
    response = client.get(reverse("courses:certificate_verify_form"), {"code": "zzz"})
    assert response.status_code == 404


def test_lookups_are_rate_limited_per_client(client, course, holder, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = "5/m"
    certificate = certificate_for(holder, course)
    statuses = [
        client.get(reverse("courses:certificate_verify", args=[f"SB-AAAA-AAA{n}"])).status_code
        for n in range(2, 7)
    ]
    assert statuses == [404] * 5
    response = client.get(reverse("courses:certificate_verify", args=[certificate.code]))
    assert response.status_code == 429
    assert "Too many certificate checks" in response.text
    assert int(response["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert (
        other.get(reverse("courses:certificate_verify", args=[certificate.code])).status_code == 200
    )


# The PDF and the credential -----------------------------------------------------------------


def test_the_pdf_holds_the_name_the_code_and_a_qr_code_to_the_verification_page(
    client, course, holder
):
    certificate = certificate_for(holder, course)
    client.force_login(holder)
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content

    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    assert "Amira Okafor" in text and certificate.code in text and course.title in text
    assert "has met the certification requirements of" in text
    assert reader.metadata.title.startswith(f"Certificate {certificate.code}")
    assert reader.metadata.author == "STarT Back training"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert round(width) == 842 and round(height) == 595  # A4 landscape, in points

    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    (qr,) = zxingcpp.read_barcodes(image)
    assert qr.text == f"http://testserver/certificates/verify/{certificate.code}/"


def test_nobody_else_downloads_a_holders_pdf(client, course, holder):
    certificate = certificate_for(holder, course)
    client.force_login(UserFactory())
    assert (
        client.get(reverse("courses:certificate_pdf", args=[certificate.code])).status_code == 404
    )


def test_the_signed_credential_verifies_with_the_published_key_and_a_tampered_one_fails(
    client, course, holder
):
    certificate = certificate_for(holder, course)
    token = client.get(reverse("courses:certificate_credential_jwt", args=[certificate.code]))
    assert token["Content-Type"] == "application/vc+jwt"
    keys = KeySet.import_key_set(client.get("/.well-known/jwks.json").json())

    decoded = jwt.decode(token.text, keys, algorithms=["EdDSA"])
    credential = decoded.claims["vc"]
    assert "OpenBadgeCredential" in credential["type"]
    assert credential["validFrom"].startswith(certificate.issued_on.isoformat())
    assert credential["validUntil"].startswith(certificate.expires_on.isoformat())
    assert credential["id"].endswith(f"/certificates/verify/{certificate.code}/")
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["creditsAvailable"] == 4.0 and achievement["criteria"]["narrative"]
    assert decoded.claims["exp"] > decoded.claims["nbf"]

    header, payload, signature = token.text.split(".")
    forged = payload.replace(payload[10:14], "AAAA", 1)
    with pytest.raises(BadSignatureError):
        jwt.decode(f"{header}.{forged}.{signature}", keys, algorithms=["EdDSA"])

    readable = client.get(reverse("courses:certificate_credential", args=[certificate.code]))
    assert readable.json() == credential


# Revocation -----------------------------------------------------------------------------------


def test_a_trainer_revokes_with_a_reason_and_a_trainee_cannot(client, course, holder):
    certificate = certificate_for(holder, course)
    url = reverse("courses:certificate_revoke", args=[certificate.code])
    client.force_login(UserFactory())
    assert client.post(url, {"reason": "No"}).status_code == 403

    trainer = make_trainer()
    client.force_login(trainer)
    # A trainer out of the holder's scope finds no such certificate, and revokes nothing.
    assert client.post(url, {"reason": "Not mine to revoke."}).status_code == 404
    assert client.get(url).status_code == 404
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    responsible_for(trainer, holder)
    response = client.post(url, {"reason": "  "})
    assert "Enter the reason for revoking this certificate" in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    response = client.post(url, {"reason": "Assessment taken by someone else."}, follow=True)
    assert "This certificate has been revoked" in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_by == trainer
    assert AuditEvent.objects.filter(kind="certificate_revoked", actor=trainer).exists()


# Reminders ------------------------------------------------------------------------------------


def test_reminders_go_out_60_and_14_days_before_and_on_expiry_once_each(course, holder):
    with time_machine.travel(datetime.date(2026, 1, 10), tick=False):
        certificate = certificate_for(
            holder,
            course,
            issued_on=datetime.date(2024, 3, 1),
            expires_on=datetime.date(2026, 3, 1),
        )
    sent_on = {}
    for day_offset in range(0, 60):
        day = datetime.date(2026, 1, 1) + datetime.timedelta(days=day_offset)
        with time_machine.travel(day, tick=False):
            before = len(mail.outbox)
            call_command("send_certificate_reminders", stdout=io.StringIO())
            call_command("send_certificate_reminders", stdout=io.StringIO())
            if len(mail.outbox) > before:
                sent_on[day] = mail.outbox[-1]
    assert [day.isoformat() for day in sent_on] == ["2026-01-01", "2026-02-15", "2026-03-01"]
    kinds = set(CertificateReminder.objects.values_list("kind", flat=True))
    assert kinds == {"60_days", "14_days", "expired"}
    message = sent_on[datetime.date(2026, 2, 15)]
    assert message.to == [holder.email]
    assert "expires on 1 March 2026, in 14 days" in message.body
    assert course.url in message.body
    assert message.alternatives
    assert AuditEvent.objects.filter(kind="certificate_reminder").count() == 3
    assert certificate.pk


def test_no_reminder_for_a_revoked_or_renewed_certificate(course, holder):
    today = timezone.localdate()
    old = certificate_for(holder, course, expires_on=today + datetime.timedelta(days=10))
    certificate_for(holder, course, renews=old)
    other = certificate_for(
        UserFactory(full_name="Bea Lund"),
        course,
        expires_on=today + datetime.timedelta(days=10),
        revoked_at=timezone.now(),
        revoked_reason="Withdrawn.",
    )
    call_command("send_certificate_reminders", stdout=io.StringIO())
    assert mail.outbox == [] and other.pk


# Renewal --------------------------------------------------------------------------------------


def test_a_refresher_inside_the_window_renews_and_keeps_the_history(course, holder):
    refresher_quiz = ModulePage.objects.child_of(course).first().specific.quiz
    CertificationRule.objects.create(course=course, refresher_quiz=refresher_quiz)
    enrol(holder, course)
    today = timezone.localdate()
    old = certificate_for(holder, course, expires_on=today + datetime.timedelta(days=200))
    sitting_finished(user=holder, quiz=refresher_quiz, passed=True)
    assert certificate_award(user=holder, course=course) is None  # window not open yet

    old.expires_on = today + datetime.timedelta(days=30)
    old.save()
    renewal = certificate_award(user=holder, course=course)

    assert renewal.renews == old
    assert renewal.expires_on == add_months(old.expires_on, 24)
    assert renewal.cpd_hours == 1
    old.refresh_from_db()
    assert old.status().value == "superseded by a renewal"
    assert certificate_award(user=holder, course=course) is None


# Assessed vignette sets -----------------------------------------------------------------------


def assessed_set_with(home, cases: int) -> AssessedSet:
    practice = PracticeIndexPageFactory(parent=home)
    assessed = AssessedSet.objects.create(title="Stratify ten patients", pass_percent=80)
    for number in range(cases):
        vignette = vignette_publish(
            parent=practice,
            title=f"Case {number}",
            mode="questionnaire",
            story=[questionnaire_block(BOUNDARY_ITEMS)],
            **reference_fields(BOUNDARY_ITEMS),
        )
        AssessedSetCase.objects.create(assessed_set=assessed, vignette=vignette, sort_order=number)
    return assessed


def test_an_assessed_set_gives_no_feedback_until_submitted_then_issues_the_certificate(
    client, home, holder, django_capture_on_commit_callbacks
):
    index = training_index(home)
    course = course_tree(index=index, modules=1, lessons=1, quiz=False)
    assessed = assessed_set_with(home, cases=5)
    CertificationRule.objects.create(course=course, assessed_set=assessed)
    finish_course(holder, course)
    client.force_login(holder)

    start = reverse("courses:assessment_start", args=[course.pk, assessed.pk])
    assert "5 case vignettes" in client.get(start).text
    overview = client.post(start).url
    for position in range(1, 6):
        answers = WRONG_SCORES if position == 5 else RIGHT_SCORES
        case = reverse("courses:assessment_case", args=[overview.split("/")[2], position])
        response = client.post(case, answers, follow=True)
        assert "Not quite" not in response.text and "Right:" not in response.text
    with django_capture_on_commit_callbacks(execute=True):
        result = client.post(overview + "submit/", follow=True).text

    assert "Passed: 4 of 5 cases right (80%)" in result
    assert "Cohen&#x27;s kappa" in result or "Cohen's kappa" in result
    assert Certificate.objects.filter(holder=holder, course=course).count() == 1


CES = Reference(
    title="Kelly Marsh",
    mode="triage",
    items={},
    red_flags=("cauda_equina",),
    red_flag_urgency="immediate",
    red_flag_destination="hospital",
)
MEDIUM_CASE = Reference(
    title="Ian Fletcher",
    mode="questionnaire",
    items=BOUNDARY_ITEMS,
    risk="medium",
    treatment="medium",
)


def referral(**fields) -> Submission:
    return Submission(stratifiable=False, **fields)


def test_a_referral_is_right_only_naming_the_condition_at_the_right_urgency_and_place():
    right = case_judgement(
        reference=CES,
        submission=referral(
            red_flags=("cauda_equina",), urgency="immediate", destination="hospital"
        ),
    )
    assert right["correct"]
    assert right["verdict"].startswith("Right referral: suspected cauda equina syndrome")
    assert right["reference_decision"] == "Refer: immediate (now)"

    wrong_condition = case_judgement(
        reference=CES,
        submission=referral(red_flags=("infection",), urgency="immediate", destination="hospital"),
    )
    assert not wrong_condition["correct"]
    assert wrong_condition["verdict"].startswith("Referred, but the condition named not right")

    urgent = case_judgement(
        reference=CES,
        submission=referral(red_flags=("cauda_equina",), urgency="urgent", destination="hospital"),
    )
    assert not urgent["correct"] and urgent["emergency_downgraded"]
    assert urgent["given_decision"] == "Refer: urgent"

    # "Later today" for a case that is immediate is a downgrade too, and fails the set.
    same_day = case_judgement(
        reference=CES,
        submission=referral(
            red_flags=("cauda_equina",), urgency="emergency", destination="hospital"
        ),
    )
    assert not same_day["correct"] and same_day["emergency_downgraded"]

    wrong_place = case_judgement(
        reference=CES,
        submission=referral(
            red_flags=("cauda_equina",), urgency="immediate", destination="acute_oncology"
        ),
    )
    assert not wrong_place["correct"] and not wrong_place["emergency_downgraded"]
    assert "where the patient goes" in wrong_place["verdict"]


def test_an_emergency_that_was_stratified_counts_once_as_stratified():
    stratified = case_judgement(
        reference=CES,
        submission=Submission(total=4, psychosocial=3, risk="medium", treatment="medium"),
    )
    assert stratified["serious_stratified"] and not stratified["emergency_downgraded"]
    assert stratified["verdict"].startswith("Stratified, but serious pathology is suspected")


def test_the_right_group_with_an_unmatched_treatment_says_so():
    judged = case_judgement(
        reference=MEDIUM_CASE,
        submission=Submission(total=4, psychosocial=3, risk="medium", treatment="high"),
    )
    assert not judged["correct"]
    assert judged["verdict"] == (
        "Right group; treatment not matched: medium risk is matched to "
        f"{MATCHED_TREATMENTS[RiskGroup.MEDIUM].title.lower()}."
    )
    assert case_judgement(
        reference=MEDIUM_CASE,
        submission=Submission(total=4, psychosocial=3, risk="medium", treatment="medium"),
    )["correct"]


def test_kappa_matches_a_hand_computed_table():
    # Reference down, trainee across: 20 cases.
    pairs = (
        [("low", "low")] * 6
        + [("low", "medium")] * 1
        + [("medium", "medium")] * 5
        + [("medium", "low")] * 2
        + [("high", "high")] * 4
        + [("high", "medium")] * 1
        + [("refer", "refer")] * 1
    )
    result = agreement(pairs)
    # po = 16/20 = 0.8; pe = (7·8 + 7·7 + 5·4 + 1·1)/400 = 126/400 = 0.315
    assert result.observed == pytest.approx(0.8)
    assert result.expected == pytest.approx(0.315)
    assert result.kappa == pytest.approx((0.8 - 0.315) / (1 - 0.315))
    assert result.table["medium"]["low"] == 2
    assert agreement([]).kappa is None
    assert agreement([("low", "low")] * 3).kappa is None


def test_bad_input_on_the_certification_pages_gets_a_message_or_404_and_changes_nothing(
    client, home, holder
):
    course = course_tree(index=training_index(home), modules=1, lessons=1, quiz=False)
    assessed = assessed_set_with(home, cases=2)
    client.force_login(holder)
    overview = client.post(reverse("courses:assessment_start", args=[course.pk, assessed.pk])).url
    pk = int(overview.split("/")[2])

    for position in (0, 3, 999):
        assert (
            client.get(reverse("courses:assessment_case", args=[pk, position])).status_code == 404
        )
    empty = client.post(reverse("courses:assessment_case", args=[pk, 1]), {})
    assert empty.status_code == 200 and "There is a problem" in empty.text
    assert empty.text.split("<title>")[1].startswith("Error:")
    unanswered = client.post(overview + "submit/", follow=True).text
    assert "Answer every case before you submit the set: 2 still to answer." in unanswered

    client.force_login(UserFactory())
    assert client.get(overview).status_code == 404
    assert client.post(overview + "submit/").status_code == 404
    assert (
        client.get(reverse("courses:cpd_reflection", args=["certificate:99999"])).status_code == 404
    )
    assert client.get(reverse("courses:cpd_reflection", args=["nonsense"])).status_code == 404

    certificate = certificate_for(holder, course)
    trainer = make_trainer()
    responsible_for(trainer, holder)
    client.force_login(trainer)
    response = client.post(
        reverse("courses:certificate_revoke", args=[certificate.code]), {"reason": "x" * 2001}
    )
    assert response.status_code == 200 and "There is a problem" in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    long_code = client.get(reverse("courses:certificate_verify_form"), {"code": "S" * 41})
    assert long_code.status_code == 200 and "A certificate code is 12 characters" in long_code.text


def test_an_empty_reflection_is_refused_and_my_learning_links_certificates(client, course, holder):
    certificate = certificate_for(holder, course)
    client.force_login(holder)
    url = reverse("courses:cpd_reflection", args=[f"certificate:{certificate.pk}"])

    response = client.post(url, {"learned": " ", "apply": "", "effect": ""})

    assert "Write something under at least one of the headings" in response.text
    assert not CpdReflection.objects.exists()
    page = client.get(reverse("courses:my_learning")).text
    assert reverse("courses:certificate_list") in page and reverse("courses:cpd_record") in page
