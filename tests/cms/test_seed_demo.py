"""The demo loader: builds the site and one account per role, and a second run changes nothing."""

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision, Site

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from cms.demo import DEMO_ACCOUNTS
from cms.models import ContentPage, HomePage, SiteSettings
from core.choices import Role
from core.models import User
from courses.cohorts.dashboard import Filters, scoped_trainees
from courses.cohorts.practice_stats import practice_stats
from courses.cohorts.quiz_stats import quizzes_summary
from courses.quiz.models import SittingAnswer
from scoring_practice.models import Attempt, DrillAnswer

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "users": list(User.objects.order_by("email").values_list("email", "password")),
        "groups": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "emails": EmailAddress.objects.count(),
        "authenticators": Authenticator.objects.count(),
        "attempts": Attempt.objects.count(),
        "drill": DrillAnswer.objects.count(),
        "quiz answers": SittingAnswer.objects.count(),
    }


def test_seed_demo_builds_the_site_and_accounts(client, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    slugs = set(ContentPage.objects.values_list("slug", flat=True))
    assert {"about", "accessibility", "privacy"} <= slugs
    assert len(SiteSettings.for_site(site).footer_links) == 3

    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert user.check_password(account.password)
        assert user.has_role(account.role)
        assert account.email in out and account.password in out
    trainer = User.objects.get(email="trainer@example.com")
    assert Authenticator.objects.filter(user=trainer).exists()
    assert not User.objects.get(email="trainee@example.com").is_superuser
    assert User.objects.get(email="admin@example.com").has_role(Role.ADMINISTRATOR)

    for path in ["/", "/about/", "/accessibility/", "/privacy/"]:
        assert client.get(path).status_code == 200, path

    # The demo trainer's trainees have answered quizzes, vignettes and drill cases, with slips.
    trainees = scoped_trainees(trainer, Filters())
    (quiz_row, *_) = quizzes_summary(trainees)
    assert quiz_row.attempts > 10 and 0 < quiz_row.passed <= quiz_row.attempts
    stats = practice_stats(trainees)
    assert stats.attempts > 50 and stats.drill is not None and stats.mistakes
    assert any(row.over for row in stats.items) and any(row.under for row in stats.items)
    assert 0 < stats.vignettes.kappa < 1


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first


def test_seed_demo_keeps_an_editors_changes():
    call_command("seed_demo")
    about = ContentPage.objects.get(slug="about")
    about.title = "About stratified care (edited)"
    about.save_revision().publish()

    call_command("seed_demo")

    assert ContentPage.objects.get(slug="about").title == "About stratified care (edited)"


def test_seed_demo_refuses_where_demo_accounts_are_not_allowed(settings):
    settings.SEED_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="SEED_DEMO_ALLOWED"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_seed_site_builds_the_pages_without_any_accounts(client, settings):
    settings.SEED_DEMO_ALLOWED = False
    call_command("seed_site")
    call_command("seed_site")

    assert not User.objects.exists()
    assert Page.objects.filter(depth=2).count() == 1
    for path in ["/", "/accessibility/", "/privacy/"]:
        assert client.get(path).status_code == 200, path


def test_reset_demo_rebuilds_the_demo_content_from_its_files():
    from courses.models import LessonPage, Sitting
    from courses.quiz.services import sitting_start
    from scoring_practice.models import VignettePage

    call_command("seed_demo", verbosity=0)
    lesson = LessonPage.objects.get(slug="worked-examples")
    lesson.title = "Edited in the admin"
    lesson.save_revision().publish()
    VignettePage.objects.get(slug="darren-hughes").delete()
    trainee = User.objects.get(email="trainee@example.com")
    sitting_start(
        user=trainee, quiz=LessonPage.objects.get(slug="the-nine-items").get_parent().specific.quiz
    )

    call_command("reset_demo", verbosity=0)

    assert LessonPage.objects.get(slug="worked-examples").title == "Worked examples"
    assert VignettePage.objects.filter(slug="darren-hughes", live=True).exists()
    # The trainee's attempt is gone; the demo clinicians' progress is seeded afresh.
    assert not Sitting.objects.filter(user=trainee).exists()
    assert User.objects.filter(email="trainee@example.com").exists()


def test_reset_demo_refuses_where_demo_accounts_are_not_allowed(settings):
    settings.SEED_DEMO_ALLOWED = False
    call_command("seed_site", verbosity=0)
    before = snapshot()

    with pytest.raises(CommandError, match="SEED_DEMO_ALLOWED"):
        call_command("reset_demo")

    assert snapshot() == before


def test_seed_site_brings_an_unedited_privacy_notice_up_to_date(client):
    call_command("seed_site", verbosity=0)
    notice = ContentPage.objects.get(slug="privacy")
    notice.body = [
        ("paragraph", "<p>An older notice: ask your trainer to delete your account.</p>")
    ]
    notice.save_revision().publish()  # written by the site itself, as earlier releases did

    call_command("seed_site", verbosity=0)

    text = client.get("/privacy/").text
    assert "ask your trainer" not in text
    assert "delete your account yourself" in text


def test_seed_site_leaves_a_privacy_notice_an_editor_changed(client):
    call_command("seed_site", verbosity=0)
    editor = User.objects.create_user("editor@example.com", "a-long-enough-passphrase")
    notice = ContentPage.objects.get(slug="privacy")
    notice.body = [("paragraph", "<p>Our own notice, agreed with our data protection officer.</p>")]
    notice.save_revision(user=editor).publish()

    call_command("seed_site", verbosity=0)

    assert "agreed with our data protection officer" in client.get("/privacy/").text
