"""Generate a large, realistic data set for measuring the trainer's pages at the scale of a region.

    manage.py seed_scale --trainees 10000 --attempts 200000

Trainees are spread over clusters and organisations (practices and physiotherapy services), with
a trainer assigned to each cluster and cohorts in each; enrolments, lessons completed, quiz
sittings with their answers, case vignette attempts, drill answers and certificates are spread
over the last 18 months. Everything is written with bulk inserts and a fixed random seed, so two
runs with the same arguments give the same data. Needs the course and vignettes (`load_content`).
"""

from __future__ import annotations

import datetime
import random
import uuid
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from core.choices import Profession, Role
from core.models import Cluster, Organisation, OrganisationKind, Region, User
from core.services import user_assign_role
from courses.certification.models import Certificate
from courses.certification.services import add_months
from courses.cohorts.cache import data_changed
from courses.cohorts.models import Cohort, CohortMember, TrainerAssignment
from courses.learning.models import CoursePage, Enrolment, LessonCompletion
from courses.learning.selectors import course_modules_live
from courses.quiz.choices import AnswerReveal, SittingStatus
from courses.quiz.models import Sitting, SittingAnswer
from scoring_practice import startback
from scoring_practice.models import Attempt, DrillAnswer, VignettePage

BATCH = 5000
PROFESSIONS = [Profession.GP] * 5 + [Profession.PHYSIOTHERAPIST] * 3 + [Profession.NURSE] * 2
RISKS = ("low", "medium", "high")
OPTIONS = {item.key: [option.value for option in item.options] for item in startback.ITEMS}


class Command(BaseCommand):
    help = "Generate a large data set (trainees, attempts) for the trainer dashboard benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=1000)
        parser.add_argument("--attempts", type=int, default=20000)
        parser.add_argument("--clusters", type=int, default=10)
        parser.add_argument("--seed", type=int, default=20261130)

    def handle(self, *args, trainees, attempts, clusters, seed, **options):
        if trainees < 1 or attempts < 0 or clusters < 1:
            raise CommandError("Give at least one trainee and one cluster.")
        call_command("load_content", verbosity=0)
        course = CoursePage.objects.live().order_by("path").first()
        vignettes = list(VignettePage.objects.live().order_by("path"))
        if course is None or not vignettes:
            raise CommandError("The demo course and vignettes are missing: run load_content.")
        rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
        with transaction.atomic():
            organisations, trainers = self._network(clusters)
            users = self._trainees(trainees, organisations, rng)
            self._cohorts(course, trainers, users, rng)
            self._learning(course, users, rng)
            self._attempts(attempts, users, vignettes, course, rng)
        data_changed()  # bulk inserts send no signals: the trainer's cached figures are stale
        self.stdout.write(
            f"Seeded {len(users)} trainees over {clusters} clusters, {attempts} attempts."
        )

    def _network(self, clusters: int):
        region, _ = Region.objects.get_or_create(slug="scale", defaults={"name": "Scale region"})
        organisations, trainers = [], []
        for number in range(clusters):
            cluster, _ = Cluster.objects.get_or_create(
                slug=f"scale-{number}",
                defaults={"name": f"Scale cluster {number}", "region": region},
            )
            service, _ = Organisation.objects.get_or_create(
                ods_code=f"S{number:02d}PT"[:6],
                defaults={
                    "name": f"Scale physiotherapy {number}",
                    "kind": OrganisationKind.PHYSIOTHERAPY,
                    "cluster": cluster,
                },
            )
            organisations.append(service)
            for practice in range(8):
                organisation, _ = Organisation.objects.get_or_create(
                    ods_code=f"Y{number:02d}{practice:03d}",
                    defaults={
                        "name": f"Scale practice {number}-{practice}",
                        "kind": OrganisationKind.GP_PRACTICE,
                        "cluster": cluster,
                    },
                )
                organisation.refers_to.add(service)
                organisations.append(organisation)
            trainer, created = User.objects.get_or_create(
                email=f"scale.trainer{number}@example.com",
                defaults={"full_name": f"Scale Trainer {number}"},
            )
            if created:
                trainer.set_unusable_password()
                trainer.save()
                user_assign_role(user=trainer, role=Role.TRAINER)
            TrainerAssignment.objects.get_or_create(trainer=trainer, cluster=cluster)
            trainers.append(trainer)
        return organisations, trainers

    def _trainees(self, count: int, organisations, rng: random.Random) -> list[User]:
        existing = set(
            User.objects.filter(email__startswith="scale.trainee").values_list("email", flat=True)
        )
        password = make_password(None)
        new = [
            User(
                email=f"scale.trainee{number}@example.com",
                full_name=f"Scale Trainee {number}",
                profession=rng.choice(PROFESSIONS),
                organisation=rng.choice(organisations),
                password=password,
                date_joined=timezone.now() - datetime.timedelta(days=rng.randint(0, 540)),
            )
            for number in range(count)
            if f"scale.trainee{number}@example.com" not in existing
        ]
        User.objects.bulk_create(new, batch_size=BATCH)
        return list(User.objects.filter(email__startswith="scale.trainee").order_by("pk"))

    def _cohorts(self, course, trainers, users, rng: random.Random) -> None:
        today = timezone.localdate()
        by_cluster: dict[int, list[User]] = {}
        clusters = dict(Organisation.objects.values_list("pk", "cluster_id"))
        for user in users:
            by_cluster.setdefault(clusters[user.organisation_id], []).append(user)
        members = []
        for trainer, assignment in zip(
            trainers,
            TrainerAssignment.objects.filter(trainer__in=trainers).order_by("trainer_id"),
            strict=False,
        ):
            cohort, _ = Cohort.objects.get_or_create(
                name=f"Scale cohort {trainer.pk}",
                defaults={
                    "course": course,
                    "starts_on": today - datetime.timedelta(days=rng.randint(30, 400)),
                    "ends_on": today + datetime.timedelta(days=90),
                    "created_by": trainer,
                },
            )
            cohort.trainers.add(trainer)
            people = by_cluster.get(assignment.cluster_id or 0, [])
            members += [
                CohortMember(cohort=cohort, user=user, via="csv")
                for user in people[: len(people) // 2]
            ]
        CohortMember.objects.bulk_create(members, batch_size=BATCH, ignore_conflicts=True)

    def _learning(self, course, users, rng: random.Random) -> None:
        modules = course_modules_live(course=course)
        lessons = [lesson.page for module in modules for lesson in module.required_lessons]
        enrolments, completions, certificates = [], [], []
        today = timezone.localdate()
        for user in users:
            if rng.random() < 0.15:
                continue  # registered, never enrolled
            enrolments.append(Enrolment(user=user, course=course))
            done = lessons if rng.random() < 0.4 else lessons[: rng.randint(0, len(lessons))]
            completions += [LessonCompletion(user=user, lesson=lesson) for lesson in done]
            if len(done) == len(lessons) and rng.random() < 0.7:
                issued = today - datetime.timedelta(days=rng.randint(0, 760))
                certificates.append(
                    Certificate(
                        holder=user,
                        holder_name=user.full_name,
                        course=course,
                        course_title=course.title,
                        cpd_hours=course.cpd_hours,
                        issued_on=issued,
                        expires_on=add_months(issued, 24),
                        criteria="Generated for measurement.",
                    )
                )
        Enrolment.objects.bulk_create(enrolments, batch_size=BATCH, ignore_conflicts=True)
        LessonCompletion.objects.bulk_create(completions, batch_size=BATCH, ignore_conflicts=True)
        Certificate.objects.bulk_create(certificates, batch_size=BATCH, ignore_conflicts=True)

    def _attempts(self, count: int, users, vignettes, course, rng: random.Random) -> None:
        quizzes = [
            module.page.quiz for module in course_modules_live(course=course) if module.quiz_id
        ]
        now = timezone.now()
        vignette_count, drill_count = int(count * 0.6), int(count * 0.2)
        sitting_count = count - vignette_count - drill_count
        references = [vignette.reference().to_json() for vignette in vignettes]
        batch = []
        for _ in range(vignette_count):
            reference = rng.choice(references)
            items = reference.get("items") or {}
            given = {
                key: (value if rng.random() < 0.85 else rng.choice(OPTIONS[key]))
                for key, value in items.items()
            }
            risk = reference.get("risk") if rng.random() < 0.75 else rng.choice(RISKS)
            attempt = Attempt(
                user=rng.choice(users),
                token=uuid.UUID(int=rng.getrandbits(128)),
                reference=reference,
                answers={"items": given or None, "risk": risk, "treatment": risk},
                scores={},
                mistakes=["item9_moderately"] if rng.random() < 0.1 else [],
                treatment_correct=risk == reference.get("risk"),
                outcome_correct=risk == reference.get("risk"),
                submitted_at=now - datetime.timedelta(days=rng.randint(0, 540)),
            )
            attempt.fill_readings()  # bulk inserts skip save()
            batch.append(attempt)
            if len(batch) >= BATCH:
                Attempt.objects.bulk_create(batch)
                batch = []
        Attempt.objects.bulk_create(batch)
        drills = []
        for _ in range(drill_count):
            risk = rng.choice(RISKS)
            answered = risk if rng.random() < 0.8 else rng.choice(RISKS)
            drills.append(
                DrillAnswer(
                    user=rng.choice(users),
                    token=uuid.UUID(int=rng.getrandbits(128)),
                    answers={str(item.number): "agree" for item in startback.ITEMS},
                    total=5,
                    psychosocial=3,
                    risk=risk,
                    given_risk=answered,
                    correct=answered == risk,
                )
            )
        DrillAnswer.objects.bulk_create(drills, batch_size=BATCH)
        self._sittings(sitting_count, users, quizzes, rng)

    def _sittings(self, count: int, users, quizzes, rng: random.Random) -> None:
        if not quizzes:
            return
        questions = {quiz.pk: list(quiz.questions.prefetch_related("options")) for quiz in quizzes}
        now = timezone.now()
        for start in range(0, count, BATCH):
            sittings, plans = [], []
            for _ in range(min(BATCH, count - start)):
                quiz = rng.choice(quizzes)
                asked = questions[quiz.pk][:8]
                rights = [rng.random() < 0.75 for _ in asked]
                score = Decimal(sum(rights))
                total = Decimal(len(asked) or 1)
                percent = (100 * score / total).quantize(Decimal("0.01"))
                sittings.append(
                    Sitting(
                        user=rng.choice(users),
                        quiz=quiz,
                        quiz_title=quiz.title,
                        pass_mark=quiz.pass_mark,
                        answers_reveal=AnswerReveal.AT_END,
                        question_total=len(asked),
                        status=SittingStatus.COMPLETE,
                        ended_at=now - datetime.timedelta(days=rng.randint(0, 540)),
                        score=score,
                        max_score=total,
                        percent=percent,
                        passed=percent >= quiz.pass_mark,
                    )
                )
                plans.append(list(zip(asked, rights, strict=True)))
            Sitting.objects.bulk_create(sittings)
            answers = []
            for sitting, plan in zip(sittings, plans, strict=True):
                for position, (question, right) in enumerate(plan, start=1):
                    options = [
                        {"id": option.pk, "text": option.text, "correct": option.correct}
                        for option in question.options.all()
                    ]
                    pick = [o["id"] for o in options if o["correct"] == right][:1]
                    answers.append(
                        SittingAnswer(
                            sitting=sitting,
                            position=position,
                            question=question,
                            kind=question.kind,
                            text=question.text,
                            options=options,
                            max_score=Decimal(1),
                            chosen=pick,
                            is_correct=right,
                            score=Decimal(1 if right else 0),
                            answered_at=sitting.ended_at,
                        )
                    )
            SittingAnswer.objects.bulk_create(answers, batch_size=BATCH)
