"""The learning capabilities' additions to the Wagtail admin."""

from wagtail.snippets.models import register_snippet

from courses.quiz.viewsets import QuizzesGroup

register_snippet(QuizzesGroup)
