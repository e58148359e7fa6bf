"""The quiz engine: quizzes with their questions and options, and attempts ("sittings").

A sitting copies every question it asks into its own `SittingAnswer` rows when it starts, so
whatever an author later changes or deletes in the quiz, a past attempt still shows exactly what was
asked, what the right answer was and what the trainee said.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.blocks import SHORT_RICH_TEXT_FEATURES
from courses.quiz.choices import AnswerReveal, QuestionType, SittingStatus

SCORE_DIGITS = {"max_digits": 8, "decimal_places": 2}


class Category(models.Model):
    """A topic that questions belong to, so trainees can see how they do topic by topic."""

    name = models.CharField(max_length=100, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Quiz(index.Indexed, ClusterableModel):
    """A set of questions with a pass mark, taken by trainees as attempts ("sittings").

    A quiz belongs to a module (`ModulePage.quiz`) or stands alone as an assessment. Its questions
    and their options are edited inline in the admin. A draft quiz cannot be taken by trainees.
    """

    title = models.CharField(max_length=200)
    description = RichTextField(features=SHORT_RICH_TEXT_FEATURES, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="The percentage of the available marks needed to pass.",
    )
    random_order = models.BooleanField(
        "random question order",
        default=False,
        help_text="Each attempt asks the questions in its own random order.",
    )
    question_count = models.PositiveSmallIntegerField(
        "questions per attempt",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Ask a random selection of this many questions from the pool. Leave blank to "
        "ask them all.",
    )
    answers_reveal = models.CharField(
        "show the right answers",
        max_length=20,
        choices=AnswerReveal.choices,
        default=AnswerReveal.AFTER_EACH,
    )
    pass_message = models.TextField(blank=True, help_text="Shown with a passing result.")
    fail_message = models.TextField(blank=True, help_text="Shown with a result below the mark.")
    max_attempts = models.PositiveSmallIntegerField(
        "maximum attempts",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Leave blank for unlimited attempts; 1 allows one attempt only.",
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="default category",
        help_text="Used for questions that have no category of their own.",
    )
    draft = models.BooleanField(
        default=True,
        help_text="Trainees cannot take a draft quiz. Untick when the quiz is ready.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("pass_message"),
                FieldPanel("fail_message"),
            ],
            heading="Passing",
        ),
        MultiFieldPanel(
            [
                FieldPanel("random_order"),
                FieldPanel("question_count"),
                FieldPanel("answers_reveal"),
                FieldPanel("max_attempts"),
                FieldPanel("category"),
            ],
            heading="How it is taken",
        ),
        InlinePanel("questions", heading="Questions", label="question", min_num=0),
        FieldPanel("draft"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "quizzes"
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="quiz_pass_mark_max_100"),
            models.CheckConstraint(
                condition=Q(question_count__isnull=True) | Q(question_count__gte=1),
                name="quiz_question_count_positive",
            ),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quiz_max_attempts_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Question(Orderable, ClusterableModel):
    """One question in a quiz's pool, with its options (none for free text)."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(
        "type", max_length=20, choices=QuestionType.choices, default=QuestionType.SINGLE
    )
    text = models.TextField("question")
    explanation = models.TextField(
        blank=True,
        help_text="Shown with the feedback: why the right answer is right. For free text, the "
        "model answer.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    points = models.PositiveSmallIntegerField(
        "marks",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="How many marks the question is worth.",
    )
    partial_credit = models.BooleanField(
        default=False,
        help_text="Choose-all-that-apply only: give credit for each right choice (less each wrong "
        "one) instead of all or nothing.",
    )
    keep_option_order = models.BooleanField(
        "keep the options in this order",
        default=False,
        help_text="Each attempt shows the options in its own random order, so no position is "
        "more often right. Tick to keep them as written, e.g. when one reads “all of the "
        "above”. True or false always stays in that order.",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldPanel("category"),
        FieldPanel("points"),
        FieldPanel("partial_credit"),
        FieldPanel("keep_option_order"),
        FieldPanel("explanation"),
        InlinePanel(
            "options",
            heading="Answer options",
            label="option",
            help_text="Not used for free-text questions. A true-or-false question has two "
            "options, True and False.",
        ),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(points__gte=1) & Q(points__lte=100), name="question_points_range"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class AnswerOption(Orderable):
    """One of the answers a trainee can choose for a multiple-choice or true-or-false question."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=500)
    correct = models.BooleanField(default=False)

    panels = [FieldPanel("text"), FieldPanel("correct")]

    def __str__(self) -> str:
        return self.text


class Sitting(models.Model):
    """One attempt by one person at one quiz.

    The quiz's settings that decide the outcome (title, pass mark, reveal mode, messages) are
    copied in when it starts, and so are the questions (as `SittingAnswer` rows, in the order they
    are asked), so later edits to the quiz never change it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_sittings"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="sittings")
    quiz_title = models.CharField(max_length=200)
    pass_mark = models.PositiveSmallIntegerField()
    answers_reveal = models.CharField(max_length=20, choices=AnswerReveal.choices)
    pass_message = models.TextField(blank=True)
    fail_message = models.TextField(blank=True)
    question_order = models.JSONField(
        default=list, blank=True, help_text="The ids of the questions asked, in the order asked."
    )
    question_total = models.PositiveSmallIntegerField()
    position = models.PositiveSmallIntegerField(
        default=1, help_text="The number of the question the person is on (from 1)."
    )
    status = models.CharField(
        max_length=20, choices=SittingStatus.choices, default=SittingStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(default=Decimal(0), **SCORE_DIGITS)
    max_score = models.DecimalField(default=Decimal(0), **SCORE_DIGITS)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(
        null=True, blank=True, help_text="Unknown until the attempt is finished and marked."
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(status="in_progress"),
                name="sitting_one_open_per_user_and_quiz",
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="sitting_position_from_one"),
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | (Q(percent__gte=0) & Q(percent__lte=100)),
                name="sitting_percent_range",
            ),
            models.CheckConstraint(
                condition=Q(status="in_progress") | Q(ended_at__isnull=False),
                name="sitting_finished_has_end_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "-ended_at"])]

    def __str__(self) -> str:
        return f"{self.quiz_title} – {self.user}"

    @property
    def is_open(self) -> bool:
        return self.status == SittingStatus.IN_PROGRESS


class SittingAnswer(models.Model):
    """One question as it was asked in a sitting, and the answer given to it.

    `options` holds the question's options as they were when the sitting started, each as
    `{"id": ..., "text": ..., "correct": ...}`; `chosen` holds the ids of those the person chose.
    """

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=QuestionType.choices)
    text = models.TextField()
    explanation = models.TextField(blank=True)
    category_name = models.CharField(max_length=100, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partial_credit = models.BooleanField(default=False)
    options = models.JSONField(default=list, blank=True)
    max_score = models.DecimalField(**SCORE_DIGITS)

    chosen = models.JSONField(default=list, blank=True)
    text_answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    is_correct = models.BooleanField(
        null=True, blank=True, help_text="Unknown until answered (and, for free text, marked)."
    )
    score = models.DecimalField(null=True, blank=True, **SCORE_DIGITS)

    marker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_answers_marked",
    )
    marked_at = models.DateTimeField(null=True, blank=True)
    marker_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["sitting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sitting", "position"], name="sitting_answer_one_per_position"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1), name="sitting_answer_position_from_one"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True)
                | (Q(score__gte=0) & Q(score__lte=models.F("max_score"))),
                name="sitting_answer_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sitting_id} #{self.position}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_free_text(self) -> bool:
        return self.kind == QuestionType.FREE_TEXT

    @property
    def awaiting_marking(self) -> bool:
        return self.is_free_text and self.is_answered and self.score is None

    @property
    def correct_options(self) -> list[dict]:
        return [option for option in self.options if option["correct"]]

    @property
    def chosen_options(self) -> list[dict]:
        chosen = set(self.chosen)
        return [option for option in self.options if option["id"] in chosen]
