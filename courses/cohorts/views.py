"""Trainers' cohort pages, and the join link a trainee follows. Every page reads through the
scope selector (`courses.cohorts.scope`): a cohort outside it is "not found"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.converters import int_or_none
from core.roles import trainer_required
from courses.cohorts.forms import AddByEmailForm, CohortForm, ImportForm, JoinLinkForm
from courses.cohorts.models import CohortMember, JoinLink
from courses.cohorts.scope import cohort_in_scope_or_404, cohorts_in_scope
from courses.cohorts.selectors import invitations_pending
from courses.cohorts.services import (
    cohort_create,
    import_apply,
    import_check,
    invitation_answer,
    join_link_create,
    join_link_revoke,
    join_link_use,
    members_add,
)

MESSAGE_CREATED = "Cohort “{name}” created. Add trainees below."
# The same words whether or not an address has an account: everyone is invited, and joins when
# they accept.
MESSAGE_ADDED = (
    "{invited} invited by e-mail, {already} already in the cohort or invited. Each joins "
    "when they accept."
)
MESSAGE_IMPORTED = (
    "Imported: {invited} invited by e-mail, {already} already in the cohort or invited. Each "
    "joins when they accept."
)
MESSAGE_INVITATION_ACCEPTED = "You have joined {name} and are enrolled on {course}."
MESSAGE_INVITATION_DECLINED = "You have declined the invitation to {name}."
MESSAGE_NOTHING_IMPORTED = (
    "Nothing was imported: correct the rows below and upload the file again, or tick "
    "“import the valid rows anyway”."
)
MESSAGE_LINK_MADE = "A new join link has been made: share it with the trainees."
MESSAGE_LINK_REVOKED = "The join link has been withdrawn: it no longer works."
MESSAGE_JOINED = "You have joined {name} and are enrolled on {course}."
MESSAGE_ALREADY_MEMBER = "You are already in {name}."
MEMBERS_PER_PAGE = 50


@trainer_required
def cohort_list(request):
    cohorts = (
        cohorts_in_scope(request.user)
        .select_related("course")
        .prefetch_related("trainers")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("-starts_on", "name", "pk")
    )
    page = Paginator(cohorts, 25).get_page(request.GET.get("page"))
    return render(request, "courses/cohorts/cohort_list.html", {"page_obj": page})


@trainer_required
def cohort_new(request):
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = cohort_create(by=request.user, **form.cleaned_data)
        messages.success(request, MESSAGE_CREATED.format(name=cohort.name))
        return redirect("courses:cohort", pk=cohort.pk)
    return render(request, "courses/cohorts/cohort_form.html", {"form": form})


def _detail(request, cohort, **forms):
    members = (
        CohortMember.objects.filter(cohort=cohort)
        .select_related("user__organisation")
        .order_by("user__full_name", "user__email")
    )
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "cohort": cohort,
        "page_obj": page,
        "invitations": cohort.invitations.filter(accepted_at__isnull=True)[:200],
        "links": cohort.join_links.all()[:10],
        "add_form": forms.get("add_form") or AddByEmailForm(),
        "link_form": forms.get("link_form") or JoinLinkForm(),
        "import_form": forms.get("import_form") or ImportForm(),
        "check": forms.get("check"),
        "trainers": cohort.trainers.all(),
    }
    refused = any(getattr(form, "errors", None) for form in forms.values())
    status = 400 if refused else 200
    return render(request, "courses/cohorts/cohort_detail.html", context, status=status)


@trainer_required
def cohort(request, pk: int):
    return _detail(request, cohort_in_scope_or_404(request.user, pk))


@trainer_required
@require_POST
def cohort_add(request, pk: int):
    found = cohort_in_scope_or_404(request.user, pk)
    form = AddByEmailForm(request.POST)
    if not form.is_valid():
        return _detail(request, found, add_form=form)
    report = members_add(cohort=found, emails=form.cleaned_data["emails"])
    messages.success(
        request,
        MESSAGE_ADDED.format(invited=report.invited, already=report.already),
    )
    return redirect("courses:cohort", pk=found.pk)


@trainer_required
@require_POST
def cohort_import(request, pk: int):
    found = cohort_in_scope_or_404(request.user, pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, found, import_form=form)
    check = import_check(form.cleaned_data["file"].read(1024 * 1024 + 1))
    if check.problem:
        form.add_error("file", check.problem)
        return _detail(request, found, import_form=form)
    if check.errors and not form.cleaned_data["valid_only"]:
        messages.error(request, MESSAGE_NOTHING_IMPORTED)
        return _detail(request, found, import_form=form, check=check)
    report = import_apply(cohort=found, rows=check.valid_rows)
    messages.success(
        request,
        MESSAGE_IMPORTED.format(invited=report.invited, already=report.already),
    )
    if check.errors:
        return _detail(request, found, check=check)
    return redirect("courses:cohort", pk=found.pk)


@trainer_required
@require_POST
def join_link_new(request, pk: int):
    found = cohort_in_scope_or_404(request.user, pk)
    form = JoinLinkForm(request.POST)
    if not form.is_valid():
        return _detail(request, found, link_form=form)
    join_link_create(cohort=found, by=request.user, days=form.cleaned_data["days"])
    messages.success(request, MESSAGE_LINK_MADE)
    return redirect("courses:cohort", pk=found.pk)


@trainer_required
@require_POST
def join_link_withdraw(request, pk: int, link_pk: int):
    found = cohort_in_scope_or_404(request.user, pk)
    link = get_object_or_404(JoinLink, pk=link_pk, cohort=found)
    join_link_revoke(link=link)
    messages.success(request, MESSAGE_LINK_REVOKED)
    return redirect("courses:cohort", pk=found.pk)


@login_required
def join(request, token: str):
    link = JoinLink.objects.select_related("cohort__course").filter(token=token).first()
    usable = link is not None and link.is_usable()
    if request.method == "POST" and usable:
        try:
            joined_cohort, joined = join_link_use(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("courses:cohort_join", token=token)
        message = MESSAGE_JOINED if joined else MESSAGE_ALREADY_MEMBER
        messages.success(
            request,
            message.format(name=joined_cohort.name, course=joined_cohort.course.title),
        )
        return redirect(joined_cohort.course.url)
    return render(
        request,
        "courses/cohorts/join.html",
        {"link": link, "usable": usable},
        status=200 if usable else 404,
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitations(request):
    """The cohort invitations waiting for the signed-in person, each to accept or decline."""
    if request.method == "POST":
        pk = int_or_none(request.POST.get("invitation"))
        accept = request.POST.get("answer") == "accept"
        try:
            invitation = invitation_answer(user=request.user, pk=pk or 0, accept=accept)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("courses:cohort_invitations")
        cohort = invitation.cohort
        if accept:
            messages.success(
                request,
                MESSAGE_INVITATION_ACCEPTED.format(name=cohort.name, course=cohort.course.title),
            )
            return redirect(cohort.course.url)
        messages.success(request, MESSAGE_INVITATION_DECLINED.format(name=cohort.name))
        return redirect("courses:cohort_invitations")
    return render(
        request,
        "courses/cohorts/invitations.html",
        {"invitations": list(invitations_pending(user=request.user))},
    )
