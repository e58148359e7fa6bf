"""Forms for taking a quiz, marking answers, filtering the marking list and authoring quizzes."""

from decimal import Decimal

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from courses.quiz.choices import QuestionType, SittingStatus
from courses.quiz.models import Quiz, SittingAnswer
from courses.quiz.selectors import (
    PROBLEM_NO_QUESTIONS,
    PROBLEM_TOO_FEW_QUESTIONS,
    question_problems,
)
from courses.quiz.services import (
    MESSAGE_CHOOSE_ONE,
    MESSAGE_CHOOSE_SOME,
    MESSAGE_ENTER_TEXT,
    MESSAGE_OPTION_NOT_IN_QUESTION,
    MESSAGE_TEXT_TOO_LONG,
    TEXT_ANSWER_LIMIT,
)

MESSAGE_CHOOSE_MARK = "Select whether the answer is correct."
MESSAGE_ENTER_MARK = "Enter a mark."


class AnswerForm(forms.Form):
    """The answer to one question as asked in a sitting: radios, checkboxes or a text box."""

    question = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, answer: SittingAnswer, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer = answer
        # The question is the label (or the radio group's legend), as the design system asks.
        label = answer.text
        choices = [(str(option["id"]), option["text"]) for option in answer.options]
        invalid = {"invalid_choice": MESSAGE_OPTION_NOT_IN_QUESTION}
        if answer.kind == QuestionType.FREE_TEXT:
            self.fields["text"] = forms.CharField(
                label=label,
                help_text="A trainer will mark your answer.",
                widget=forms.Textarea(attrs={"rows": 6}),
                max_length=TEXT_ANSWER_LIMIT,
                error_messages={
                    "required": MESSAGE_ENTER_TEXT,
                    "max_length": MESSAGE_TEXT_TOO_LONG.format(limit=TEXT_ANSWER_LIMIT),
                },
            )
        elif answer.kind == QuestionType.MULTIPLE:
            self.fields["options"] = forms.MultipleChoiceField(
                label=label,
                help_text="Select all that apply.",
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": MESSAGE_CHOOSE_SOME, **invalid},
            )
        else:
            self.fields["options"] = forms.ChoiceField(
                label=label,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": MESSAGE_CHOOSE_ONE, **invalid},
            )
        self.initial.setdefault("question", answer.pk)

    def option_ids(self) -> list[int]:
        value = self.cleaned_data.get("options") or []
        values = value if isinstance(value, list) else [value]
        return [int(option_id) for option_id in values]


class MarkForm(forms.Form):
    """A trainer's mark for one free-text answer: right or wrong, or marks out of its maximum."""

    comment = forms.CharField(
        label="Comment for the trainee",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, answer: SittingAnswer, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer = answer
        self.initial.setdefault("comment", answer.marker_comment)
        if answer.max_score == 1:
            self.fields["mark"] = forms.TypedChoiceField(
                label="Mark",
                choices=[("1", "Correct"), ("0", "Incorrect")],
                coerce=Decimal,
                widget=forms.RadioSelect,
                error_messages={"required": MESSAGE_CHOOSE_MARK},
            )
            if answer.score is not None:
                self.initial.setdefault("mark", "1" if answer.score == 1 else "0")
        else:
            self.fields["mark"] = forms.DecimalField(
                label=f"Marks (out of {answer.max_score.normalize()})",
                min_value=0,
                max_value=answer.max_score,
                decimal_places=2,
                error_messages={"required": MESSAGE_ENTER_MARK},
            )
            if answer.score is not None:
                self.initial.setdefault("mark", answer.score.normalize())
        self.order_fields(["mark", "comment"])


class MarkingFilterForm(forms.Form):
    """The marking list's filters, sent as a plain GET form."""

    quiz = forms.ModelChoiceField(
        queryset=Quiz.objects.only("pk", "title"), required=False, empty_label="All quizzes"
    )
    user = forms.CharField(label="Trainee's name or e-mail address", required=False, max_length=150)
    status = forms.ChoiceField(
        choices=[
            ("", "Any"),
            (SittingStatus.AWAITING_MARKING, "Awaiting marking"),
            (SittingStatus.COMPLETE, "Complete"),
        ],
        required=False,
    )


class QuizAdminForm(WagtailAdminModelForm):
    """The admin's quiz form: also checks each question's options against its type."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid:
            return False
        questions = self.formsets.get("questions")
        if questions is None:
            return valid
        kept = [
            form
            for form in questions.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        for form in kept:
            options = form.formsets.get("options")
            chosen = []
            if options is not None:
                chosen = [
                    (option.cleaned_data.get("text", ""), option.cleaned_data.get("correct", False))
                    for option in options.forms
                    if option.cleaned_data and not option.cleaned_data.get("DELETE")
                ]
            for problem in question_problems(
                kind=form.cleaned_data.get("kind"),
                options=chosen,
                partial_credit=form.cleaned_data.get("partial_credit", False),
            ):
                form.add_error("kind", problem)
                valid = False
        if not self.cleaned_data.get("draft"):
            count = self.cleaned_data.get("question_count")
            if not kept:
                self.add_error("draft", PROBLEM_NO_QUESTIONS)
                valid = False
            elif count and count > len(kept):
                self.add_error(
                    "question_count",
                    PROBLEM_TOO_FEW_QUESTIONS.format(count=count, available=len(kept)),
                )
                valid = False
        return valid
