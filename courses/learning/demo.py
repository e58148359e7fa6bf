"""Load the demo course from `courses.demo_content` into pages and quizzes. Safe to run repeatedly.

Pages are matched by slug under their parent and quizzes by title. Anything that already exists is
left exactly as it is, so editors' changes survive a second run and a second run writes nothing;
only what is missing (a deleted lesson, a module added to the content later) is created.
"""

from django.db import transaction

from wagtail.models import Page, Site

from courses import demo_content
from courses.learning.content import training_section_ensure
from courses.models import (
    AnswerOption,
    Category,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    Question,
    Quiz,
)


def _child_ensure(*, parent: Page, model: type[Page], slug: str, fields: dict) -> Page:
    """The child of `parent` with this slug; created from `fields` and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _quiz_ensure(content: demo_content.Quiz) -> Quiz:
    """The quiz with this title; if missing, created with its questions, ready to be taken."""
    existing = Quiz.objects.filter(title=content.title).first()
    if existing is not None:
        return existing
    quiz = Quiz(
        title=content.title,
        description=content.description,
        pass_mark=content.pass_mark,
        pass_message=content.success_message,
        fail_message=content.retry_message,
        draft=False,
    )
    quiz.full_clean()
    quiz.save()
    categories = {}
    for order, item in enumerate(content.questions):
        if item.category not in categories:
            categories[item.category], _ = Category.objects.get_or_create(name=item.category)
        question = Question(
            quiz=quiz,
            sort_order=order,
            kind=item.kind,
            text=item.text,
            explanation=item.explanation,
            category=categories[item.category],
        )
        question.full_clean()
        question.save()
        for option_order, option in enumerate(item.options):
            answer = AnswerOption(
                question=question,
                sort_order=option_order,
                text=option.text,
                correct=option.correct,
            )
            answer.full_clean()
            answer.save()
    return quiz


def _training_section() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.get(is_default_site=True)
    return training_section_ensure(home=site.root_page.specific)


@transaction.atomic
def demo_course_ensure() -> CoursePage:
    """The demo course under the training section, with its modules, lessons and quizzes.

    Expects the site's own pages (`seed_site`) to be in place; creates the training section if
    it is missing. Returns the course page.
    """
    index = _training_section()
    course_content = demo_content.COURSE
    course = _child_ensure(
        parent=index,
        model=CoursePage,
        slug=course_content.slug,
        fields={
            "title": course_content.title,
            "summary": course_content.summary,
            "learning_outcomes": [("outcome", text) for text in course_content.learning_outcomes],
            "audience": course_content.audience,
            "estimated_minutes": course_content.estimated_minutes,
            "cpd_hours": course_content.cpd_hours,
            "prerequisites": course_content.prerequisites,
            "body": course_content.body,
        },
    )
    for module_content in course_content.modules:
        module = _child_ensure(
            parent=course,
            model=ModulePage,
            slug=module_content.slug,
            fields={
                "title": module_content.title,
                "summary": module_content.summary,
                "quiz": _quiz_ensure(module_content.quiz),
            },
        )
        for lesson_content in module_content.lessons:
            _child_ensure(
                parent=module,
                model=LessonPage,
                slug=lesson_content.slug,
                fields={
                    "title": lesson_content.title,
                    "summary": lesson_content.summary,
                    "estimated_minutes": lesson_content.estimated_minutes,
                    "required": lesson_content.required,
                    "body": lesson_content.body,
                },
            )
    return course
