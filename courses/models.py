"""The models of every learning capability, imported here so Django registers them with `courses`.

Each capability keeps its models in its own sub-package: `courses.learning.models` (course pages,
enrolment, progress), `courses.quiz.models` (the quiz engine) and `courses.certification.models`
(rules, assessed sets, certificates).
"""

from courses.certification.models import (
    AssessedSet,
    AssessedSetCase,
    Assessment,
    AssessmentAnswer,
    Certificate,
    CertificateReminder,
    CertificationRule,
    CpdReflection,
)
from courses.cohorts.models import (
    Cohort,
    CohortInvitation,
    CohortMember,
    JoinLink,
    ReminderBatch,
    TrainerAssignment,
)
from courses.learning.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from courses.quiz.models import AnswerOption, Category, Question, Quiz, Sitting, SittingAnswer

__all__ = [
    "Cohort",
    "CohortInvitation",
    "CohortMember",
    "JoinLink",
    "ReminderBatch",
    "TrainerAssignment",
    "AssessedSet",
    "AssessedSetCase",
    "Assessment",
    "AssessmentAnswer",
    "Certificate",
    "CertificateReminder",
    "CertificationRule",
    "CpdReflection",
    "AnswerOption",
    "Category",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "Question",
    "Quiz",
    "Sitting",
    "SittingAnswer",
]
