"""The demo vignettes: answers that score as stated, and a set that covers every boundary."""

import re

from django.core.management import call_command
from django.utils.html import escape

from wagtail.models import Page, Revision

import pytest

from scoring_practice import startback
from scoring_practice.choices import REFERRAL
from scoring_practice.demo import demo_vignettes_ensure, vignette_page_build
from scoring_practice.demo_vignettes import (
    VIGNETTES,
    CompletedQuestionnaire,
    DemoVignette,
    Mode,
    PatientQuote,
)
from scoring_practice.models import PracticeIndexPage, VignettePage
from scoring_practice.reference import reference_problems
from scoring_practice.startback import MATCHED_TREATMENTS, RED_FLAGS, RiskGroup

BY_SLUG = pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.slug for v in VIGNETTES])
RED_FLAG_KEYS = {flag.key for flag in RED_FLAGS}


def scored(vignette: DemoVignette) -> startback.Score:
    return startback.score(vignette.answer_values)


# --- Each vignette on its own --------------------------------------------------------------


@BY_SLUG
def test_reference_answers_score_to_the_stated_risk_group(vignette):
    assert scored(vignette).risk is vignette.risk


@BY_SLUG
def test_every_item_has_a_reference_answer_and_a_one_sentence_rationale(vignette):
    assert len(vignette.answers) == len(startback.ITEMS)
    for answer in vignette.answers:
        assert answer.rationale.endswith(".")
        assert ". " not in answer.rationale.rstrip(".")


@BY_SLUG
def test_stated_treatment_is_the_matched_treatment_or_referral_for_a_red_flag(vignette):
    if vignette.red_flags:
        assert vignette.treatment is None
        assert vignette.matched is None
        assert vignette.red_flag_action
        assert set(vignette.red_flags) <= RED_FLAG_KEYS
    else:
        assert vignette.treatment is vignette.risk
        assert vignette.matched is MATCHED_TREATMENTS[vignette.risk]
        assert vignette.risk.label.lower() in vignette.treatment_rationale
        assert not vignette.red_flag_action


@BY_SLUG
def test_totals_and_subscales_quoted_in_the_treatment_rationale_are_right(vignette):
    result = scored(vignette)
    text = vignette.treatment_rationale
    totals = re.findall(r"\btotal(?: is| of)?(?: only| exactly)? (\d)", text)
    subscales = re.findall(r"\bsubscale(?: \(items 5 to 9\))?(?: is| of)? (\d)", text)
    assert {int(n) for n in totals} <= {result.total}
    assert {int(n) for n in subscales} <= {result.psychosocial}


@BY_SLUG
def test_the_story_shows_the_questionnaire_only_in_questionnaire_mode(vignette):
    shown = any(isinstance(part, CompletedQuestionnaire) for part in vignette.story)
    assert shown is (vignette.mode is Mode.QUESTIONNAIRE)


@BY_SLUG
def test_the_title_names_the_patient_and_the_summary_gives_age_occupation_and_presentation(
    vignette,
):
    assert vignette.title.startswith(f"{vignette.patient_name}: ")
    assert vignette.summary.startswith(f"{vignette.age}-year-old {vignette.occupation}. ")
    assert vignette.presentation in vignette.summary


def test_slugs_and_titles_are_unique():
    assert len({v.slug for v in VIGNETTES}) == len(VIGNETTES)
    assert len({v.title for v in VIGNETTES}) == len(VIGNETTES)


# --- The set as a whole --------------------------------------------------------------------


def stratified():
    return [v for v in VIGNETTES if not v.red_flags]


def test_at_least_twelve_vignettes_covering_each_risk_group():
    assert len(VIGNETTES) >= 12
    assert {v.risk for v in stratified()} == set(RiskGroup)


def test_at_least_three_consultations_and_some_completed_questionnaires():
    modes = [v.mode for v in VIGNETTES]
    assert modes.count(Mode.CONSULTATION) >= 3
    assert modes.count(Mode.QUESTIONNAIRE) >= 3


def test_at_least_two_red_flag_cases_including_cauda_equina_and_malignancy():
    flagged = [v for v in VIGNETTES if v.red_flags]
    assert len(flagged) >= 2
    assert all(v.mode is Mode.RED_FLAG for v in flagged)
    keys = {key for v in flagged for key in v.red_flags}
    assert {"cauda_equina", "malignancy"} <= keys


def test_boundary_total_three_low_and_total_four_medium():
    results = [scored(v) for v in stratified()]
    assert any(r.total == 3 and r.risk is RiskGroup.LOW for r in results)
    assert any(r.total == 4 and r.risk is RiskGroup.MEDIUM for r in results)


def test_boundary_subscale_three_medium_and_subscale_four_high():
    results = [scored(v) for v in stratified()]
    assert any(r.psychosocial == 3 and r.risk is RiskGroup.MEDIUM for r in results)
    assert any(r.psychosocial == 4 and r.risk is RiskGroup.HIGH for r in results)


def test_boundary_item_nine_moderately_where_counting_it_would_change_the_group():
    decisive = []
    for v in stratified():
        if v.answer_values["9"] != "moderately":
            continue
        miscounted = startback.score({**v.answer_values, "9": "very_much"})
        if miscounted.risk is not v.risk:
            decisive.append(v.slug)
    assert decisive
    assert any(v.answer_values["9"] == "very_much" for v in stratified())


def test_a_total_of_four_or_more_that_is_medium_because_the_subscale_is_three():
    assert any(
        r.total >= 5 and r.psychosocial == 3 and r.risk is RiskGroup.MEDIUM
        for r in map(scored, stratified())
    )


def test_a_high_risk_case_with_a_modest_total():
    assert any(r.total <= 4 and r.risk is RiskGroup.HIGH for r in map(scored, stratified()))


# --- The pages the loader builds -------------------------------------------------------------


@BY_SLUG
def test_each_vignette_passes_the_check_made_before_publishing(vignette):
    assert reference_problems(vignette_page_build(vignette=vignette).reference()) == []


@pytest.fixture
def seeded(home):
    return demo_vignettes_ensure()


def seeded_state() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
    }


@pytest.mark.django_db
def test_every_vignette_is_published_under_practice_and_renders(seeded, client):
    index = PracticeIndexPage.objects.get()
    live = {page.slug: page for page in VignettePage.objects.child_of(index).live()}
    assert set(live) == {v.slug for v in VIGNETTES}
    assert len(seeded) == len(VIGNETTES)
    for vignette in VIGNETTES:
        page = live[vignette.slug]
        assert page.url == f"/practice/{vignette.slug}/"
        response = client.get(page.url)
        assert response.status_code == 200, vignette.slug
        html = response.content.decode()
        assert escape(vignette.title) in html
        assert escape(vignette.presentation) in html
        quotes = [p for p in vignette.story if isinstance(p, PatientQuote)]
        for quote in quotes:
            assert escape(quote.text) in html


@pytest.mark.django_db
def test_seeded_reference_answers_are_those_of_the_data(seeded):
    for vignette in VIGNETTES:
        page = VignettePage.objects.get(slug=vignette.slug)
        assert page.reference_items == dict(enumerate((a.answer for a in vignette.answers), 1))
        if vignette.red_flags:
            assert page.red_flags == list(vignette.red_flags)
            assert page.reference_treatment == REFERRAL
        else:
            assert page.reference_risk == vignette.risk.value
            assert page.reference_treatment == vignette.risk.value


@pytest.mark.django_db
def test_seeding_twice_creates_nothing_and_writes_no_revision(seeded):
    before = seeded_state()
    assert demo_vignettes_ensure() == []
    assert seeded_state() == before


@pytest.mark.django_db
def test_seeding_again_leaves_an_editors_changes_alone(seeded, client):
    page = VignettePage.objects.get(slug=VIGNETTES[0].slug)
    page.title = "Edited by a trainer"
    page.save_revision().publish()

    demo_vignettes_ensure()

    page.refresh_from_db()
    assert page.title == "Edited by a trainer"
    assert "Edited by a trainer" in client.get(page.url).content.decode()
    assert VignettePage.objects.filter(slug=VIGNETTES[0].slug).count() == 1


@pytest.mark.django_db
def test_seed_demo_loads_the_vignettes(client):
    call_command("seed_demo", verbosity=0)
    response = client.get("/practice/")
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(VIGNETTES[0].title) in html
