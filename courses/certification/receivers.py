"""Issue a certificate the moment its rule is met: after a lesson is completed or a quiz passed
(by the learner, or by a trainer's marking), once the change is committed."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.certification.services import certificates_award_for_user
from courses.learning.models import LessonCompletion
from courses.quiz.models import Sitting


def _award_after_commit(user) -> None:
    transaction.on_commit(lambda: certificates_award_for_user(user=user))


@receiver(post_save, sender=LessonCompletion, dispatch_uid="certificate_after_lesson")
def lesson_completed(sender, instance: LessonCompletion, created: bool, **kwargs) -> None:
    if created:
        _award_after_commit(instance.user)


@receiver(post_save, sender=Sitting, dispatch_uid="certificate_after_quiz")
def quiz_finished(sender, instance: Sitting, **kwargs) -> None:
    if instance.passed:
        _award_after_commit(instance.user)
