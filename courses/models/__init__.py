"""Learning models: course pages, enrolment and progress, and the quiz engine."""
from courses.models.quiz import AnswerOption, Category, Question, Quiz, Sitting, SittingAnswer  # noqa: F401
