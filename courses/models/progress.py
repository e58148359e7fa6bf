"""What a learner has done: the courses they are enrolled on and the lessons they have completed.

Only facts are stored. Module and course completion are worked out from the current page tree
each time (`courses.selectors`), so a lesson added to a course later counts straight away.
"""

from django.conf import settings
from django.db import models


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
