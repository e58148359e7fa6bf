"""What a trainer types reaches an e-mail as text: the HTML part of an invitation whose cohort
name and invitee's name are hostile runs nothing when Chromium opens it."""

import datetime

from django.core import mail

from courses.cohorts.services import ImportRow, cohort_create, import_apply
from tests.browser.conftest import BROWSER
from tests.courses.factories import course_tree, training_index
from tests.courses.quiz_factories import trainer

pytestmark = BROWSER

# Each sets window.__ran when it runs; a page that shows them as text never does.
PAYLOADS = [
    "<script>window.__ran=1</script>",
    "<img src=x onerror=window.__ran=1>",
    '"><svg onload=window.__ran=1>',
    "<iframe srcdoc='<script>parent.__ran=1</script>'>",
    "<a href=javascript:window.__ran=1 id=go>go</a>",
    'https://example.org/"onmouseover="window.__ran=1',
    "<details open ontoggle=window.__ran=1>",
    "<body onload=window.__ran=1>",
]


def test_an_invitation_e_mail_runs_nothing_a_trainer_typed(browser, live_home):
    course = course_tree(index=training_index(live_home), modules=1, lessons=1)
    lead = trainer()
    page = browser.new_page()
    for number, payload in enumerate(PAYLOADS):
        mail.outbox = []
        cohort = cohort_create(
            by=lead,
            name=f"Cohort {number} {payload}"[:100],
            course=course,
            starts_on=datetime.date(2026, 1, 5),
            ends_on=datetime.date(2026, 6, 30),
        )
        # The file check refuses such a name; the e-mail must be safe even if one got past it.
        import_apply(
            cohort=cohort, rows=[ImportRow(2, payload, f"p{number}@example.org", "", None)]
        )
        (message,) = mail.outbox
        html, _ = message.alternatives[0]

        page.set_content(html)
        page.mouse.move(5, 5)
        for link in page.locator("a").all():
            link.hover()
        assert page.evaluate("window.__ran") is None, payload
        assert payload in page.inner_text("body"), "the typed text is shown, as text"
    page.close()
