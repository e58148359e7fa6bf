"""Lesson blocks: the NHS.UK components of every page, plus what a lesson needs to teach.

`LessonStreamBlock` is the body of lessons (and the optional body of a course page): every block of
`core.blocks.BaseStreamBlock`, plus key points, a video with its transcript, a downloadable
document, references and a "check your understanding" question.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock

# The query-string key that carries a reader's answer to one "check your understanding" block.
CHECK_ANSWER_PARAM = "check-{block_id}"
MESSAGE_CHECK_CHOOSE = "Choose an answer, then check it."
MESSAGE_CHECK_CHOOSE_MULTIPLE = "Choose at least one answer, then check them."
MESSAGE_CHECK_NO_CORRECT = "Mark at least one option as correct."


class LearningOutcomeBlock(blocks.CharBlock):
    """One thing the learner will be able to do after the course."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    class Meta:
        icon = "tick"
        template = "courses/learning/blocks/learning_outcome.html"
        description = "One learning outcome, completing the sentence 'By the end you will…'."
        preview_value = "score the STarT Back tool and name the risk group"


class KeyPointsBlock(blocks.StructBlock):
    """A short summary of what the reader must take away, set apart from the body."""

    heading = blocks.CharBlock(max_length=120, default="Key points")
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "courses/learning/blocks/key_points.html"
        description = "Key points: a boxed list of what to remember."
        preview_value = {
            "heading": "Key points",
            "points": [
                "Screen for red flags before you stratify.",
                "A total score of 3 or less means low risk.",
            ],
        }


class VideoBlock(blocks.StructBlock):
    """A video on its provider's site, linked rather than embedded, with its transcript.

    An embedded player would load scripts, fonts and cookies from the provider on every visit to
    the lesson; a link loads nothing until the reader chooses to follow it, and the transcript
    means the lesson can be followed without the video at all.
    """

    title = blocks.CharBlock(max_length=200)
    video = blocks.URLBlock(
        help_text="The address of the video's page, e.g. on YouTube or Vimeo. The lesson "
        "links to it; nothing loads from the provider unless the reader follows the link."
    )
    transcript = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "media"
        template = "courses/learning/blocks/video.html"
        description = "A link to a video, with its title and transcript."
        preview_value = {
            "title": "Scoring the tool in a consultation",
            "video": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "transcript": "<p>The clinician reads each item aloud and notes the answer.</p>",
        }


class DocumentBlock(blocks.StructBlock):
    """A file from the document library for the reader to download."""

    document = DocumentChooserBlock()
    description = blocks.CharBlock(
        max_length=300, required=False, help_text="What the document is and when to use it."
    )

    class Meta:
        icon = "doc-full"
        template = "courses/learning/blocks/document.html"
        description = "A downloadable document with a short description."
        preview_value = {"description": "The questionnaire to print for patients."}


class ReferenceBlock(blocks.StructBlock):
    """One source: its citation, and a link where there is one."""

    citation = blocks.TextBlock(max_length=500)
    url = blocks.URLBlock(required=False, label="URL")

    class Meta:
        icon = "link"
        label = "Reference"


class ReferencesBlock(blocks.StructBlock):
    """The sources the lesson draws on, as a numbered list."""

    references = blocks.ListBlock(ReferenceBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "courses/learning/blocks/references.html"
        description = "A numbered list of references, each with an optional link."
        preview_value = {
            "references": [
                {
                    "citation": "Hill JC et al. Comparison of stratified primary care management "
                    "for low back pain with current best practice (STarT Back). Lancet 2011.",
                    "url": "https://doi.org/10.1016/S0140-6736(11)60937-9",
                }
            ]
        }


class CheckOptionBlock(blocks.StructBlock):
    """One answer to a "check your understanding" question, with what the reader is told."""

    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.TextBlock(
        max_length=1000, required=False, help_text="Shown when the reader chooses this option."
    )

    class Meta:
        icon = "radio-full"
        label = "Option"


class CheckUnderstandingBlock(blocks.StructBlock):
    """A question with instant feedback, answered with a plain form so it works without JavaScript.

    The reader's choice travels in the query string (`check-<block id>`), so the answer is marked
    when the lesson is shown again; nothing is stored. A question with more than one correct
    option is answered with checkboxes and is right only when every correct option is chosen.
    """

    question = blocks.CharBlock(max_length=300)
    options = blocks.ListBlock(CheckOptionBlock(), min_num=2)
    explanation = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, help_text="Shown once the reader has answered."
    )

    class Meta:
        icon = "help"
        template = "courses/learning/blocks/check_understanding.html"
        description = "Check your understanding: a question with instant feedback."
        preview_value = {
            "question": "A patient scores 2 on the subscale and 5 in total. Which risk group?",
            "options": [
                {"text": "Low risk", "correct": False, "feedback": "The total is above 3."},
                {"text": "Medium risk", "correct": True, "feedback": "Total 4 or more."},
                {"text": "High risk", "correct": False, "feedback": "The subscale is below 4."},
            ],
            "explanation": "<p>High risk needs a subscale score of 4 or 5.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(MESSAGE_CHECK_NO_CORRECT)])
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        block_id = str(context.get("block_id") or "preview")
        options = list(value["options"])
        correct = {index for index, option in enumerate(options) if option["correct"]}
        param = CHECK_ANSWER_PARAM.format(block_id=block_id)
        request = context.get("request")
        chosen = _chosen_options(request, param, len(options))
        sent = request is not None and request.GET.get(f"{param}-sent") == "1"
        context.update(
            {
                "block_id": block_id,
                "param": param,
                "multiple": len(correct) > 1,
                "options": [
                    {"index": index, "option": option, "chosen": index in chosen}
                    for index, option in enumerate(options)
                ],
                "correct_texts": [options[index]["text"] for index in sorted(correct)],
                "answered": bool(chosen),
                # The button was pressed with nothing chosen: say so, as any form would.
                "unanswered": sent and not chosen,
                "error_message": MESSAGE_CHECK_CHOOSE_MULTIPLE
                if len(correct) > 1
                else MESSAGE_CHECK_CHOOSE,
                "answered_correctly": bool(chosen) and chosen == correct,
            }
        )
        return context


def _chosen_options(request, param: str, count: int) -> set[int]:
    """The option numbers the reader sent; anything that is not one of them is ignored."""
    if request is None:
        return set()
    chosen = set()
    for raw in request.GET.getlist(param)[:count]:
        if raw.isdigit() and int(raw) < count:
            chosen.add(int(raw))
    return chosen


class LessonStreamBlock(BaseStreamBlock):
    """The body of a lesson: the shared NHS.UK components and the lesson blocks."""

    key_points = KeyPointsBlock()
    video = VideoBlock()
    document = DocumentBlock()
    references = ReferencesBlock()
    check_understanding = CheckUnderstandingBlock()
