"""The vignettes' content files: answers that score as stated, a set that covers every boundary,
and files with mistakes refused naming the file and field."""

import re
import shutil
from dataclasses import replace

from django.core.management import CommandError, call_command
from django.utils.html import escape

from wagtail.models import Page, Revision

import pytest

from core.content_files import ContentError
from scoring_practice import startback
from scoring_practice.choices import REFERRAL, VignetteMode
from scoring_practice.feedback import Submission, attempt_feedback
from scoring_practice.loader import CONTENT_DIR, VignetteContent, vignettes_load, vignettes_read
from scoring_practice.models import PracticeIndexPage, VignettePage
from scoring_practice.reference import reference_problems
from scoring_practice.startback import MATCHED_TREATMENTS, RED_FLAGS, RiskGroup

VIGNETTES = vignettes_read()
RISKS = [group.value for group in RiskGroup]
BY_SLUG = pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.slug for v in VIGNETTES])
RED_FLAG_KEYS = {flag.key for flag in RED_FLAGS}


def scored(vignette: VignetteContent) -> startback.Score:
    return startback.score(vignette.answers)


# --- Each vignette on its own --------------------------------------------------------------


@BY_SLUG
def test_reference_answers_score_to_the_stated_risk_group(vignette):
    assert scored(vignette).risk.value == vignette.risk


@BY_SLUG
def test_every_item_has_a_reference_answer_and_a_one_sentence_rationale(vignette):
    assert len(vignette.answers) == len(startback.ITEMS)
    for rationale in vignette.rationales.values():
        assert rationale.endswith(".")
        assert ". " not in rationale.rstrip(".")


@BY_SLUG
def test_stated_treatment_is_the_matched_treatment_or_referral_for_a_red_flag(vignette):
    if vignette.red_flags:
        assert vignette.treatment == REFERRAL
        assert vignette.red_flag_action
        assert set(vignette.red_flags) <= RED_FLAG_KEYS
    else:
        assert vignette.treatment == vignette.risk
        assert RiskGroup(vignette.risk) in MATCHED_TREATMENTS
        assert RiskGroup(vignette.risk).label.lower() in vignette.treatment_rationale
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
    shown = any(name == "questionnaire" for name, _ in vignette.story)
    assert shown is (vignette.mode == VignetteMode.QUESTIONNAIRE)


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
    assert {v.risk for v in stratified()} == {group.value for group in RiskGroup}


def test_at_least_three_consultations_and_some_completed_questionnaires():
    modes = [v.mode for v in VIGNETTES]
    assert modes.count(VignetteMode.CONSULTATION) >= 3
    assert modes.count(VignetteMode.QUESTIONNAIRE) >= 3


def test_red_flag_cases_cover_emergency_and_urgent_referral():
    flagged = [v for v in VIGNETTES if v.red_flags]
    assert len(flagged) >= 3
    assert all(v.mode == VignetteMode.TRIAGE for v in flagged)
    keys = {key for v in flagged for key in v.red_flags}
    assert {"cauda_equina", "spinal_metastases", "fracture"} <= keys
    assert {v.urgency for v in flagged} == {"immediate", "emergency", "urgent"}


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
        if v.answers[9] != "moderately":
            continue
        miscounted = startback.score({**v.answers, 9: "very_much"})
        if miscounted.risk.value != v.risk:
            decisive.append(v.slug)
    assert decisive
    assert any(v.answers[9] == "very_much" for v in stratified())


def test_a_total_of_four_or_more_that_is_medium_because_the_subscale_is_three():
    assert any(
        r.total >= 5 and r.psychosocial == 3 and r.risk is RiskGroup.MEDIUM
        for r in map(scored, stratified())
    )


def test_a_high_risk_case_with_a_modest_total():
    assert any(r.total <= 4 and r.risk is RiskGroup.HIGH for r in map(scored, stratified()))


# --- The pages the loader builds -------------------------------------------------------------


@pytest.mark.django_db
@BY_SLUG
def test_each_vignette_passes_the_check_made_before_publishing(vignette):
    assert reference_problems(vignette.page().reference()) == []


@pytest.fixture
def seeded(home):
    return vignettes_load()


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
        quotes = [value["quote"] for name, value in vignette.story if name == "patient_quote"]
        assert quotes or vignette.mode == VignetteMode.QUESTIONNAIRE
        for quote in quotes:
            assert escape(quote) in html


@pytest.mark.django_db
def test_seeded_reference_answers_are_those_of_the_data(seeded):
    for vignette in VIGNETTES:
        page = VignettePage.objects.get(slug=vignette.slug)
        assert page.reference_items == vignette.answers
        if vignette.red_flags:
            assert page.red_flags == list(vignette.red_flags)
            assert page.reference_treatment == REFERRAL
        else:
            assert page.reference_risk == vignette.risk
            assert page.reference_treatment == vignette.risk


@pytest.mark.django_db
def test_seeding_twice_creates_nothing_and_writes_no_revision(seeded):
    before = seeded_state()
    assert vignettes_load() == []
    assert seeded_state() == before


@pytest.mark.django_db
def test_seeding_again_leaves_an_editors_changes_alone(seeded, client):
    page = VignettePage.objects.get(slug=VIGNETTES[0].slug)
    page.title = "Edited by a trainer"
    page.save_revision().publish()

    vignettes_load()

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


# --- Files with mistakes are refused, naming the file and the field ----------------------------


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.django_db
def test_a_stated_risk_group_the_answers_do_not_score_to_is_refused(content_copy):
    _edit(content_copy / "vignettes" / "darren-hughes.yaml", "  risk: low", "  risk: medium")

    with pytest.raises(ContentError) as refused:
        vignettes_read(content_copy)

    assert "vignettes/darren-hughes.yaml: reference.risk" in str(refused.value)
    assert "states medium risk, but the reference answers score low risk" in str(refused.value)


@pytest.mark.django_db
def test_a_treatment_that_is_not_the_matched_one_is_refused(content_copy):
    _edit(content_copy / "vignettes" / "darren-hughes.yaml", "treatment: low", "treatment: high")

    with pytest.raises(ContentError) as refused:
        vignettes_read(content_copy)

    assert "vignettes/darren-hughes.yaml: reference:" in str(refused.value)


@pytest.mark.django_db
def test_an_answer_the_tool_does_not_have_and_an_unknown_mode_are_refused(content_copy):
    path = content_copy / "vignettes" / "darren-hughes.yaml"
    _edit(path, "answer: slightly", "answer: a bit")
    with pytest.raises(ContentError, match=r"reference\.answers\.9\.answer: “a bit” is not one of"):
        vignettes_read(content_copy)

    _edit(path, "answer: a bit", "answer: slightly")
    _edit(path, "mode: questionnaire", "mode: quiz")
    with pytest.raises(ContentError, match=r"darren-hughes\.yaml: mode: “quiz” is not one of"):
        vignettes_read(content_copy)


@pytest.mark.django_db
def test_every_vignette_file_must_be_listed(content_copy):
    shutil.copy(
        content_copy / "vignettes" / "darren-hughes.yaml",
        content_copy / "vignettes" / "darren-hughes-copy.yaml",
    )

    with pytest.raises(ContentError, match="darren-hughes-copy.yaml is not listed"):
        vignettes_read(content_copy)


@pytest.mark.django_db
def test_load_content_names_the_broken_file_and_loads_no_vignette(home, content_copy, monkeypatch):
    _edit(content_copy / "vignettes" / "steve-barnes.yaml", "  risk: low", "  risk: high")
    monkeypatch.setattr("scoring_practice.loader.CONTENT_DIR", content_copy)

    with pytest.raises(CommandError, match="steve-barnes.yaml: reference.risk"):
        call_command("load_content", verbosity=0)

    assert not VignettePage.objects.exists()


# --- Every demo vignette's feedback, checked against its reference --------------------------

GROUP_MISTAKES = {
    "high_from_total",
    "subscale_cutoff_3",
    "high_called_medium",
    "total_3_called_medium",
}


def reference_submission(vignette: VignetteContent) -> Submission:
    """The answer the reference gives, as the trainee would submit it in the vignette's mode."""
    if vignette.red_flags:
        return Submission(
            stratifiable=False,
            red_flags=vignette.red_flags,
            urgency=vignette.urgency,
            destination=vignette.destination,
            treatment=REFERRAL,
        )
    result = scored(vignette)
    return Submission(
        stratifiable=True if vignette.mode == VignetteMode.TRIAGE else None,
        items=None if vignette.mode == VignetteMode.QUESTIONNAIRE else dict(vignette.answers),
        total=result.total,
        psychosocial=result.psychosocial,
        risk=vignette.risk,
        treatment=vignette.treatment,
    )


def assert_consistent(feedback) -> None:
    """One page, one story: the banner, the marks and the named mistakes agree."""
    codes = {mistake.code for mistake in feedback.mistakes}
    if feedback.risk_correct:
        assert feedback.verdict.right
        assert not codes & GROUP_MISTAKES
    if feedback.risk_correct is False:
        assert not feedback.verdict.right
    if feedback.reference.stratifiable:
        assert feedback.verdict.right == feedback.outcome_correct
    if feedback.reading:
        own = feedback.scored.risk.value
        assert own != feedback.reference.risk
        assert f"would be {feedback.reference.risk} risk" not in feedback.reading


@BY_SLUG
def test_the_reference_answer_gets_a_right_verdict_and_names_nothing(vignette):
    feedback = attempt_feedback(
        reference=vignette.reference(), submission=reference_submission(vignette)
    )
    assert feedback.verdict.right, feedback.verdict
    assert feedback.mistakes == ()
    assert feedback.outcome_correct and feedback.treatment_correct
    assert feedback.reading == ""


@BY_SLUG
def test_no_feedback_page_contradicts_itself_for_any_single_misreading_or_group(vignette):
    if vignette.red_flags or vignette.mode == VignetteMode.QUESTIONNAIRE:
        variants = [replace(reference_submission(vignette), risk=r) for r in RISKS]
    else:
        variants = []
        for number in startback.ITEM_NUMBERS:
            for option in startback.item(number).options:
                own = {**vignette.answers, number: option.value}
                result = startback.score(own)
                for risk in RISKS:
                    variants.append(
                        replace(
                            reference_submission(vignette),
                            items=own,
                            total=result.total,
                            psychosocial=result.psychosocial,
                            risk=risk,
                            treatment=risk,
                        )
                    )
    for submission in variants:
        assert_consistent(attempt_feedback(reference=vignette.reference(), submission=submission))
