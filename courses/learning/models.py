"""Learning: the course tree (/training/ → course → module → lesson) and what learners have done.

The pages hold content only. What a signed-in reader has done is stored as facts (enrolments and
completed lessons); module and course completion are worked out from the current page tree each
time by `courses.learning.selectors`, so a lesson added to a course later counts straight away.
Writes go through `courses.learning.services`; each page's `get_context` hands the template what
it needs, fetched with a fixed number of queries.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models import ClinicalReview
from courses.learning.blocks import LearningOutcomeBlock, LessonStreamBlock


class CourseIndexPage(Page):
    """The training section (/training/): an introduction and the live courses."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    # The role matrix (`core.roles`) grants its "training" page permissions on this page.
    role_section = "training"
    # Where the section may go is the site's decision: `cms` sets `parent_page_types` (the home
    # page) when it starts, since naming the home page here would point up to `cms`.
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    template = "courses/learning/course_index_page.html"

    class Meta:
        verbose_name = "training section"

    def get_context(self, request, *args, **kwargs):
        from courses.learning.selectors import course_list_live

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_list_live(index=self, page_number=request.GET.get("page"))
        return context


class CoursePage(Page):
    """A course: what it teaches, who it is for, how long it takes, and its modules in order."""

    summary = models.CharField(max_length=300, help_text="One or two sentences for course lists.")
    learning_outcomes = StreamField(
        [("outcome", LearningOutcomeBlock())],
        blank=True,
        help_text="Each outcome completes the sentence 'By the end of this course you will…'.",
    )
    audience = models.CharField(
        max_length=300, help_text="Who the course is for, e.g. 'GPs and physiotherapists'."
    )
    estimated_minutes = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text="About how long the whole course takes, in minutes.",
    )
    cpd_hours = models.DecimalField(
        "CPD hours",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text="Continuing professional development hours the course is worth.",
    )
    prerequisites = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(LessonStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldPanel("audience"),
        FieldPanel("estimated_minutes"),
        FieldPanel("cpd_hours"),
        FieldPanel("prerequisites"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.SearchField("audience"),
        index.SearchField("body"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/learning/course_page.html"

    class Meta:
        verbose_name = "course"

    def get_context(self, request, *args, **kwargs):
        from courses.learning.selectors import course_progress

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = course_progress(course=self, user=request.user)
        return context


class ModulePage(Page):
    """A module of a course: its lessons (the child pages, in tree order) and an optional quiz.

    The module is complete for a learner once every required live lesson is complete and, if it
    has a quiz, the quiz is passed.
    """

    summary = models.CharField(max_length=300, blank=True)
    quiz = models.ForeignKey(
        "courses.Quiz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
        help_text="The quiz to pass to complete this module.",
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("quiz")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/learning/module_page.html"

    class Meta:
        verbose_name = "module"

    def get_context(self, request, *args, **kwargs):
        from courses.learning.selectors import module_progress

        context = super().get_context(request, *args, **kwargs)
        context.update(module_progress(module=self, user=request.user))
        return context


# The Wagtail page base carries no types, so django-stubs cannot resolve the manager of a page
# that also takes a typed mixin.
class LessonPage(ClinicalReview, Page):  # type: ignore[django-manager-missing]
    """A lesson: readable by everyone; signed-in readers can mark it complete."""

    summary = models.CharField(max_length=300, blank=True)
    estimated_minutes = models.PositiveIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="About how long the lesson takes, in minutes.",
    )
    required = models.BooleanField(
        default=True,
        help_text="Required lessons must be completed to complete the module. Untick for "
        "optional further reading.",
    )
    body = StreamField(LessonStreamBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("required"),
        FieldPanel("body"),
        *ClinicalReview.review_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("required"),
    ]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    template = "courses/learning/lesson_page.html"

    class Meta:
        verbose_name = "lesson"

    def get_context(self, request, *args, **kwargs):
        from courses.learning.selectors import lesson_progress
        from courses.learning.services import enrolment_visit

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_progress(lesson=self, user=request.user))
        # Remember where an enrolled learner is, for "Continue where you left off"; an editor's
        # preview is not a visit.
        if context["enrolment"] is not None and not getattr(request, "is_preview", False):
            enrolment_visit(enrolment=context["enrolment"], lesson=self)
        return context


class Enrolment(models.Model):
    """A learner's place on a course: when they joined and the lesson they last opened."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The lesson the learner opened most recently.",
    )
    last_visited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrolment_once_per_course")
        ]
        indexes = [models.Index(fields=["user", "-enrolled_at"])]
        ordering = ["-enrolled_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} on course {self.course_id}"


class LessonCompletion(models.Model):
    """A learner marked a lesson complete. Recorded once per learner and lesson."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_completed_once")
        ]
        ordering = ["-completed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} completed lesson {self.lesson_id}"
