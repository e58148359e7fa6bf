"""Quiz authoring in the admin: quizzes with inline questions and options, and categories.

Registered by `courses.wagtail_hooks`.
"""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from courses.quiz.forms import QuizAdminForm
from courses.quiz.models import Category, Quiz

MESSAGE_QUIZ_HAS_ATTEMPTS = (
    "This quiz cannot be deleted because people have taken it, and their results must be kept. "
    "Tick Draft instead to stop new attempts."
)


class QuizDeleteView(DeleteView):
    """Deleting a quiz that has attempts is refused with a message (attempts protect their quiz)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            # The delete runs in a transaction and the protection check comes first, so
            # nothing (not even the log entry) has been written.
            messages.error(self.request, MESSAGE_QUIZ_HAS_ATTEMPTS)
            return redirect(AdminURLFinder(self.request.user).get_edit_url(self.object))


class QuizViewSet(SnippetViewSet):
    model = Quiz
    delete_view_class = QuizDeleteView
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
