"""A trainee who has done the course's lessons sits the assessed vignette set in a real browser,
passes, and downloads the certificate PDF that is issued; the pages pass axe-core."""

import io

from pypdf import PdfReader

from courses.certification.models import Certificate, CertificationRule
from courses.learning.models import LessonPage
from scoring_practice import startback
from tests.browser.conftest import BROWSER, sign_in
from tests.courses.factories import complete, course_tree, enrol, training_index
from tests.courses.test_certification import assessed_set_with
from tests.factories import UserFactory

pytestmark = BROWSER
MEDIUM_TREATMENT = startback.MATCHED_TREATMENTS[startback.RiskGroup.MEDIUM].title


def test_trainee_passes_the_assessed_set_and_downloads_the_certificate(tab, axe, live_home):
    course = course_tree(
        index=training_index(live_home), modules=1, lessons=1, quiz=False, cpd_hours=4
    )
    CertificationRule.objects.create(course=course, assessed_set=assessed_set_with(live_home, 3))
    user = UserFactory(email="gp@example.com", full_name="Dr Ruth Adeyemi")
    enrol(user, course)
    for lesson in LessonPage.objects.descendant_of(course):
        complete(user, lesson)
    sign_in(tab, user.email)

    tab.goto(course.url)
    tab.get_by_role("link", name="Pass the assessed vignette set “Stratify ten patients”").click()
    tab.get_by_role("heading", name="Stratify ten patients").wait_for()
    assert tab.get_by_text("3 case vignettes").is_visible()
    assert axe(tab) == []
    tab.get_by_role("button", name="Start the assessment").click()

    tab.get_by_role("link", name="Case 1:").click()
    for position in range(1, 4):
        tab.get_by_text(f"case {position} of 3").wait_for()
        tab.get_by_label("Total score").fill("4")
        tab.get_by_label("Psychosocial subscale score").fill("3")
        tab.get_by_label("Medium risk").check()
        tab.get_by_label(MEDIUM_TREATMENT).check()
        if position == 1:
            assert axe(tab) == []
        tab.get_by_role("button", name="Save and continue").click()
        # Saving moves on to the next case without a word of feedback.
        assert tab.get_by_text("Right risk group").count() == 0

    tab.get_by_text("Assessment in progress").wait_for()
    assert axe(tab) == []
    tab.get_by_role("button", name="Submit the assessment").click()
    tab.get_by_text("Passed: 3 of 3 cases right (100%)").wait_for()
    assert tab.get_by_role(
        "heading", name="Where your decisions drift: risk group or referral"
    ).is_visible()
    assert tab.get_by_text("Cohen's kappa cannot be worked out for this set").is_visible()
    assert axe(tab) == []

    tab.get_by_role("link", name="your certificates").click()
    tab.get_by_role("heading", name="Your certificates").wait_for()
    certificate = Certificate.objects.get(holder=user)
    assert tab.get_by_text(certificate.code).first.is_visible()
    assert axe(tab) == []
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Download the certificate (PDF)").click()
    download = download_info.value
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = reader.pages[0].extract_text()
    assert "Dr Ruth Adeyemi" in text and certificate.code in text
    assert download.suggested_filename.endswith(".pdf")

    tab.goto(f"/certificates/verify/{certificate.code.lower()}/")
    tab.get_by_text("Dr Ruth Adeyemi").first.wait_for()
    assert axe(tab) == []
