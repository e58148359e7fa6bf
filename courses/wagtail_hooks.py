"""Quiz authoring in the admin: quizzes with inline questions and options, and categories."""

from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.models.quiz import Category, Quiz
from courses.quiz_forms import QuizAdminForm


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "list-ol"
    menu_label = "Quizzes"
    list_display = ["title", "pass_mark", "max_attempts", "draft", "updated_at"]
    list_filter = ["draft", "answers_reveal"]
    search_fields = ["title"]
    list_export = ["title", "pass_mark", "question_count", "max_attempts", "draft"]
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizAdminForm)


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = "Question categories"
    list_display = ["name"]
    search_fields = ["name"]


class QuizzesGroup(SnippetViewSetGroup):
    items = (QuizViewSet, CategoryViewSet)
    menu_icon = "list-ol"
    menu_label = "Quizzes"
    menu_name = "quizzes"


register_snippet(QuizzesGroup)
