"""My CPD record: an entry for every certificate and every completed course without one, each
with the holder's reflection, as a page, a PDF and a CSV for appraisal or an HCPC CPD profile."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from courses.certification.forms import ReflectionForm
from courses.certification.models import Certificate, CpdReflection
from courses.certification.pdf import cpd_record_pdf
from courses.learning.models import LessonCompletion
from courses.learning.selectors import Status, enrolments_progress

MESSAGE_SAVED = "Reflection saved."
CSV_COLUMNS = [
    "Date",
    "Activity",
    "Hours",
    "Description",
    "What I learned",
    "How I will apply it",
    "Effect on my practice",
]


@dataclass
class CpdEntry:
    key: str
    date: datetime.date
    activity: str
    hours: Decimal
    description: str
    learned: str = ""
    apply: str = ""
    effect: str = ""

    @property
    def reflected(self) -> bool:
        return bool(self.learned or self.apply or self.effect)


def cpd_entries(*, user) -> list[CpdEntry]:
    """Newest first. A completed course that led to a certificate is counted once, as the
    certificate; revoked certificates are left out."""
    entries: list[CpdEntry] = []
    certificates = Certificate.objects.filter(holder=user, revoked_at__isnull=True).order_by(
        "-issued_on"
    )
    certified = set()
    for certificate in certificates:
        certified.add(certificate.course_id)
        entries.append(
            CpdEntry(
                key=f"certificate:{certificate.pk}",
                date=certificate.issued_on,
                activity=f"{certificate.course_title} "
                f"({'renewal' if certificate.renews_id else 'certificate'} {certificate.code})",
                hours=certificate.cpd_hours,
                description=(
                    "E-learning on STarT Back stratified care for low back pain, with an "
                    "assessed set of case vignettes. Certificate code "
                    f"{certificate.code}, valid until {certificate.expires_on:%d/%m/%Y}."
                ),
            )
        )
    _, states = enrolments_progress(user=user, page_number=1)
    completed = [
        state
        for state in states
        if state.status is Status.COMPLETED and state.course.pk not in certified
    ]
    if completed:
        lesson_ids = [lesson.page.pk for state in completed for lesson in state.lessons]
        latest = dict(
            LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).values_list(
                "lesson_id", "completed_at"
            )
        )
        for state in completed:
            days = [latest[lesson.page.pk] for lesson in state.lessons if lesson.page.pk in latest]
            entries.append(
                CpdEntry(
                    key=f"course:{state.course.pk}",
                    date=timezone.localdate(max(days)) if days else timezone.localdate(),
                    activity=f"{state.course.title} (course completed)",
                    hours=state.course.cpd_hours,
                    description=state.course.summary,
                )
            )
    reflections = {
        reflection.entry: reflection for reflection in CpdReflection.objects.filter(user=user)
    }
    for entry in entries:
        if reflection := reflections.get(entry.key):
            entry.learned, entry.apply, entry.effect = (
                reflection.learned,
                reflection.apply,
                reflection.effect,
            )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries


@login_required
def cpd_record(request) -> HttpResponse:
    entries = cpd_entries(user=request.user)
    return render(
        request,
        "courses/certification/cpd_record.html",
        {"entries": entries, "total": sum((entry.hours for entry in entries), Decimal(0))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def cpd_reflection(request, entry: str) -> HttpResponse:
    found = next((item for item in cpd_entries(user=request.user) if item.key == entry), None)
    if found is None:
        raise Http404("No such CPD entry")
    reflection = CpdReflection.objects.filter(user=request.user, entry=entry).first()
    reflection = reflection or CpdReflection(user=request.user, entry=entry)
    form = ReflectionForm(request.POST or None, instance=reflection)
    if request.method == "POST" and form.is_valid():
        CpdReflection.objects.update_or_create(
            user=request.user, entry=entry, defaults=form.cleaned_data
        )
        messages.success(request, MESSAGE_SAVED)
        return redirect("courses:cpd_record")
    return render(
        request, "courses/certification/cpd_reflection.html", {"entry": found, "form": form}
    )


@login_required
def cpd_record_pdf_view(request) -> HttpResponse:
    response = HttpResponse(
        cpd_record_pdf(
            holder_name=request.user.full_name or request.user.email,
            entries=cpd_entries(user=request.user),
            generated_on=timezone.localdate(),
        ),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = 'attachment; filename="cpd-record.pdf"'
    return response


def _cell(value: str) -> str:
    """A spreadsheet would run a cell starting with = + - @ as a formula: make it text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@login_required
def cpd_record_csv(request) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cpd-record.csv"'
    response.write("\ufeff")  # so spreadsheet programs read it as UTF-8
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for entry in cpd_entries(user=request.user):
        writer.writerow(
            [
                entry.date.isoformat(),
                _cell(entry.activity),
                f"{entry.hours.normalize():f}",
                _cell(entry.description),
                _cell(entry.learned),
                _cell(entry.apply),
                _cell(entry.effect),
            ]
        )
    return response
