"""Choice lists for learning: quiz question types, when answers are revealed, attempt status."""

from django.db import models


class QuestionType(models.TextChoices):
    SINGLE = "single", "Multiple choice: one answer"
    MULTIPLE = "multiple", "Multiple choice: choose all that apply"
    TRUE_FALSE = "true_false", "True or false"
    FREE_TEXT = "free_text", "Free text, marked by a trainer"


class AnswerReveal(models.TextChoices):
    AFTER_EACH = "after_each", "After each question"
    AT_END = "at_end", "Only at the end"


class SittingStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_MARKING = "awaiting_marking", "Awaiting marking"
    COMPLETE = "complete", "Complete"
