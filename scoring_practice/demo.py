"""Load the demo case vignettes (`scoring_practice.demo_vignettes`) as live pages under /practice/.

Safe to run repeatedly: a vignette whose slug already exists under the practice index is left
exactly as editors made it, so a second run creates nothing and writes no revision.
"""

from django.db import transaction
from django.utils.html import escape

from scoring_practice import startback
from scoring_practice.choices import REFERRAL, Difficulty, ProfessionFocus, VignetteMode
from scoring_practice.content import practice_section_ensure
from scoring_practice.demo_vignettes import (
    VIGNETTES,
    CompletedQuestionnaire,
    DemoVignette,
    Examination,
    Focus,
    Mode,
    Narrative,
    PatientQuote,
    StoryPart,
)
from scoring_practice.demo_vignettes import Difficulty as DemoDifficulty
from scoring_practice.models import VignettePage

MODES = {
    Mode.QUESTIONNAIRE: VignetteMode.QUESTIONNAIRE,
    Mode.CONSULTATION: VignetteMode.CONSULTATION,
    Mode.RED_FLAG: VignetteMode.TRIAGE,
}
FOCUSES = {
    Focus.GP: ProfessionFocus.GP,
    Focus.PHYSIOTHERAPIST: ProfessionFocus.PHYSIOTHERAPIST,
    Focus.BOTH: ProfessionFocus.ANY,
}
DIFFICULTIES = {
    DemoDifficulty.INTRODUCTORY: Difficulty.INTRODUCTORY,
    DemoDifficulty.INTERMEDIATE: Difficulty.INTERMEDIATE,
    DemoDifficulty.ADVANCED: Difficulty.ADVANCED,
}


def _story_block(part: StoryPart, vignette: DemoVignette) -> tuple[str, object]:
    # The data is plain text; it is escaped here so the rich-text blocks hold safe HTML.
    if isinstance(part, Narrative):
        return "narrative", "".join(f"<p>{escape(text)}</p>" for text in part.paragraphs)
    if isinstance(part, PatientQuote):
        return "patient_quote", {"quote": part.text, "attribution": part.speaker}
    if isinstance(part, Examination):
        findings = "".join(f"<li>{escape(text)}</li>" for text in part.findings)
        return "examination", {"heading": part.heading, "findings": f"<ul>{findings}</ul>"}
    if isinstance(part, CompletedQuestionnaire):
        return "questionnaire", {f"item_{n}": v for n, v in vignette.answer_values.items()}
    raise TypeError(f"Unknown story part: {part!r}")


def vignette_page_build(*, vignette: DemoVignette) -> VignettePage:
    """An unsaved vignette page holding one demo vignette's case and reference answers."""
    page = VignettePage(
        title=vignette.title,
        slug=vignette.slug,
        patient_age=vignette.age,
        patient_occupation=vignette.occupation,
        presentation=vignette.presentation,
        story=[_story_block(part, vignette) for part in vignette.story],
        difficulty=DIFFICULTIES[vignette.difficulty],
        profession_focus=FOCUSES[vignette.focus],
        mode=MODES[vignette.mode],
        red_flags=list(vignette.red_flags),
        red_flag_action=vignette.red_flag_action,
        # A red-flag case is answered by referral, so it carries no reference risk group.
        reference_risk="" if vignette.red_flags else vignette.risk.value,
        reference_treatment=vignette.treatment.value if vignette.treatment else REFERRAL,
        reference_treatment_rationale=vignette.treatment_rationale,
    )
    for number, answer in zip(startback.ITEM_NUMBERS, vignette.answers, strict=True):
        setattr(page, f"reference_item_{number}", answer.answer)
        setattr(page, f"reference_rationale_{number}", answer.rationale)
    return page


@transaction.atomic
def demo_vignettes_ensure() -> list[VignettePage]:
    """Create and publish each demo vignette missing from /practice/; returns those created.

    Vignettes are matched by slug under the practice index; existing ones are not touched.
    Publishing goes through the page's own check, so a vignette whose reference answers disagree
    with the tool is refused (and the whole load rolled back) rather than going live.
    """
    index = practice_section_ensure()
    if index is None:  # no site to put the practice section in yet
        return []
    existing = set(VignettePage.objects.child_of(index).values_list("slug", flat=True))
    created = []
    for vignette in VIGNETTES:
        if vignette.slug in existing:
            continue
        page = vignette_page_build(vignette=vignette)
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created
