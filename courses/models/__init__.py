"""Learning models: course pages, enrolment and progress, and the quiz engine."""

from courses.models.pages import CourseIndexPage, CoursePage, LessonPage, ModulePage  # noqa: F401
from courses.models.progress import Enrolment, LessonCompletion  # noqa: F401
from courses.models.quiz import AnswerOption, Category, Question, Quiz, Sitting, SittingAnswer  # noqa: F401
