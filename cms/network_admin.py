"""In the Wagtail admin: the organisation names people gave that are not in the network's list,
for a trainer or administrator to match to an organisation (adding it first if need be)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from wagtail.admin.auth import permission_required

from core.models import Organisation
from core.organisations import unlisted_names, unlisted_resolve

MESSAGE_RESOLVED = "{people} {noun} now at {organisation}."
MESSAGE_NOTHING = "Nobody gave that name any more: the list has been refreshed."
MESSAGE_CHOOSE = "Choose the organisation this name stands for."
UNLISTED_PER_PAGE = 50


class UnlistedResolveForm(forms.Form):
    typed = forms.CharField(max_length=200, widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.select_related("cluster"),
        label="Organisation",
        error_messages={"required": MESSAGE_CHOOSE, "invalid_choice": MESSAGE_CHOOSE},
    )


@permission_required("core.change_organisation")
def unlisted_organisations(request: HttpRequest) -> HttpResponse:
    form = UnlistedResolveForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            moved = unlisted_resolve(typed=form.cleaned_data["typed"], organisation=organisation)
            if moved:
                messages.success(
                    request,
                    MESSAGE_RESOLVED.format(
                        people=moved,
                        noun="person is" if moved == 1 else "people are",
                        organisation=organisation.name,
                    ),
                )
            else:
                messages.warning(request, MESSAGE_NOTHING)
            return redirect("unlisted_organisations")
        messages.error(request, MESSAGE_CHOOSE)
    page = Paginator(unlisted_names(), UNLISTED_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "cms/admin/unlisted_organisations.html",
        {
            "page_obj": page,
            "organisations": Organisation.objects.only("name", "ods_code"),
            "header_title": "Organisations not in the list",
        },
    )
