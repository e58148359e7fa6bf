"""The blocks a vignette's story is told in: narrative, patient quotes, examination findings, and
the patient's completed questionnaire (for the "score a completed questionnaire" mode).

Block names and value shapes (used by authors in code, e.g. demo content):

- ``narrative``: rich text, e.g. ``"<p>Mr Shah, 52, ...</p>"``
- ``patient_quote``: ``{"quote": str, "attribution": str (optional)}``
- ``examination``: ``{"heading": str (optional), "findings": rich text}``
- ``questionnaire``: ``{"item_1": "agree" | "disagree", ..., "item_8": ...,
  "item_9": "not_at_all" | "slightly" | "moderately" | "very_much" | "extremely"}``
"""

from wagtail import blocks

from core.blocks import SHORT_RICH_TEXT_FEATURES, QuoteBlock
from scoring_practice import startback
from scoring_practice.choices import item_choices


class NarrativeBlock(blocks.RichTextBlock):
    """What happened, in the clinician's or narrator's words."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", SHORT_RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "scoring_practice/blocks/vignette_narrative.html"
        description = "The story of the consultation."
        preview_value = (
            "<p>Mrs Patel, 47, a school cook, has had low back pain for three weeks.</p>"
        )


class PatientQuoteBlock(QuoteBlock):
    """Something the patient said, in their own words, shown as the site's quotations are."""

    class Meta:
        description = "What the patient said."
        preview_value = {
            "quote": "I daren't bend down in case it goes again.",
            "attribution": "Mrs Patel",
        }


class ExaminationBlock(blocks.StructBlock):
    """Findings on examination."""

    heading = blocks.CharBlock(max_length=120, required=False, default="Examination findings")
    findings = blocks.RichTextBlock(features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "clipboard-list"
        template = "scoring_practice/blocks/vignette_examination.html"
        description = "Examination findings."
        preview_value = {
            "heading": "Examination findings",
            "findings": "<ul><li>Straight leg raise negative on both sides</li></ul>",
        }


class QuestionnaireBlock(blocks.StructBlock):
    """The patient's completed STarT Back questionnaire, shown with Keele's wording and ticks."""

    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = local_blocks or [
            (
                f"item_{question.number}",
                blocks.ChoiceBlock(
                    choices=item_choices(question.number),
                    label=f"{question.number}. {question.text}",
                ),
            )
            for question in startback.ITEMS
        ]
        super().__init__(local_blocks, **kwargs)

    class Meta:
        icon = "tick"
        template = "scoring_practice/blocks/vignette_questionnaire.html"
        description = "The patient's completed questionnaire: the answers they ticked."
        preview_value = {
            **{f"item_{n}": "disagree" for n in range(1, 9)},
            "item_1": "agree",
            "item_9": "moderately",
        }


def questionnaire_answers(value) -> dict[int, str]:
    """A questionnaire block's value as answers keyed by item number."""
    return {
        question.number: value.get(f"item_{question.number}") or "" for question in startback.ITEMS
    }


class VignetteStoryBlock(blocks.StreamBlock):
    """The parts a vignette's story is made of."""

    narrative = NarrativeBlock()
    patient_quote = PatientQuoteBlock()
    examination = ExaminationBlock()
    questionnaire = QuestionnaireBlock()
