"""The champion network's pages: the directory, a champion's profile, applying, keeping one's
profile, a trainer's decisions, and a cluster's page with its training coverage."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from cms.champion_forms import (
    ChampionApplicationForm,
    ChampionProfileForm,
    DeclineForm,
    DirectoryFilterForm,
    NearMeForm,
)
from cms.champion_photos import photo_store
from cms.champions import (
    CHAMPIONS_PER_PAGE,
    champion_apply,
    champion_approve,
    champion_certification,
    champion_decline,
    champion_leave,
    champion_reapply,
    cluster_coverage,
    cluster_organisations,
    directory_page_prepare,
    directory_profiles,
    directory_search,
    sees_cluster_detail,
)
from cms.models import ChampionProfile, ResourcePage
from cms.resources import resource_states
from core.choices import Role
from core.models import Cluster
from core.roles import trainer_required

MESSAGE_APPLIED = (
    "Thank you: your application has been sent. You will get an e-mail once a trainer has decided."
)
MESSAGE_SAVED = "Your champion profile has been saved."
MESSAGE_LEFT = "You have left the champion network: your profile is no longer listed."
MESSAGE_APPROVED = "{name} is now a champion and has been told by e-mail."
MESSAGE_DECLINED = "The application from {name} has been declined and they have been told why."


@require_GET
def directory(request):
    filters = DirectoryFilterForm(request.GET or None)
    near = (
        NearMeForm(request.GET)
        if "near" in request.GET
        else NearMeForm(initial={"near": getattr(request.user, "organisation_id", None)})
    )
    chosen = filters.cleaned_data if filters.is_valid() else {}
    near_cluster = None
    if near.is_bound and near.is_valid():
        near_cluster = near.cleaned_data["near"].cluster
    profiles = directory_search(
        query=chosen.get("q", ""),
        region=chosen.get("region"),
        cluster=near_cluster or chosen.get("cluster"),
        organisation=chosen.get("organisation"),
        profession=chosen.get("profession", ""),
        network_role=chosen.get("role", ""),
    )
    page = Paginator(profiles, CHAMPIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cms/champions/directory.html",
        {
            "filters": filters,
            "near": near,
            "near_cluster": near_cluster,
            "page_obj": page,
            "champions": directory_page_prepare(page.object_list),
            "clusters": Cluster.objects.select_related("region").order_by("name"),
            "own_profile": ChampionProfile.objects.filter(user=request.user).first()
            if request.user.is_authenticated
            else None,
        },
    )


@require_GET
def champion(request, pk: int):
    profile = get_object_or_404(
        directory_profiles().select_related("cluster__region", "photo", "user"), pk=pk
    )
    return render(
        request,
        "cms/champions/champion.html",
        {
            "profile": profile,
            "organisations": profile.organisations.select_related("cluster").order_by("name"),
            "certification": champion_certification(profile),
            "show_email": profile.show_email and request.user.is_authenticated,
            "resources": ResourcePage.objects.live()
            .filter(champion=profile)
            .order_by("title")[:20],
        },
    )


def _photo_save(form, profile_title: str):
    if form.checked_photo is None:
        return None
    data, extension = form.checked_photo
    return photo_store(data=data, extension=extension, title=f"Photo: {profile_title}")


@login_required
def apply(request):
    existing = ChampionProfile.objects.filter(user=request.user).first()
    if existing is not None:
        return redirect("champion_mine")
    initial = {
        "display_name": request.user.full_name,
        "profession": request.user.profession,
        "organisations": [request.user.organisation_id] if request.user.organisation_id else [],
    }
    form = ChampionApplicationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name]
            for name in ("display_name", "network_role", "profession", "cluster", "bio", "reason")
        }
        fields["show_email"] = form.cleaned_data["show_email"]
        try:
            with transaction.atomic():
                photo = _photo_save(form, fields["display_name"])
                champion_apply(
                    user=request.user,
                    fields=fields,
                    organisations=form.cleaned_data["organisations"],
                    photo=photo,
                )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("champion_mine")
        messages.success(request, MESSAGE_APPLIED)
        return redirect("champion_mine")
    return render(request, "cms/champions/apply.html", {"form": form})


@login_required
def mine(request):
    """The signed-in person's own champion profile: the application's state, or the form."""
    profile = ChampionProfile.objects.filter(user=request.user).select_related("photo").first()
    if profile is None:
        return redirect("champion_apply")
    left = profile.status == ChampionProfile.Status.APPROVED and not request.user.has_role(
        Role.CHAMPION
    )
    if profile.status != ChampionProfile.Status.APPROVED or left:
        if request.method == "POST" and "reapply" in request.POST:
            champion_reapply(profile=profile)
            messages.success(request, MESSAGE_APPLIED)
            return redirect("champion_mine")
        return render(
            request, "cms/champions/mine_pending.html", {"profile": profile, "left": left}
        )
    form = ChampionProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            photo = _photo_save(form, saved.display_name)
            if photo is not None:
                saved.photo = photo
            elif form.cleaned_data.get("remove_photo"):
                saved.photo = None
            if saved.cluster_id is None:
                first = next((o for o in form.cleaned_data["organisations"] if o.cluster_id), None)
                saved.cluster_id = first.cluster_id if first else None
            saved.save()
            form.save_m2m()
        messages.success(request, MESSAGE_SAVED)
        return redirect("champion_mine")
    resources = resource_states(list(profile.resources.order_by("title")[:50]))
    return render(
        request,
        "cms/champions/mine.html",
        {
            "form": form,
            "profile": profile,
            "certification": champion_certification(profile),
            "resources": resources,
        },
    )


@login_required
def leave(request):
    """Leaving asks first: it takes the Champion role away at once."""
    if request.method == "POST":
        champion_leave(user=request.user)
        messages.success(request, MESSAGE_LEFT)
        return redirect("champion_mine")
    if not ChampionProfile.objects.filter(user=request.user).exists():
        return redirect("champion_apply")
    return render(request, "cms/champions/leave.html")


@trainer_required
@require_GET
def applications(request):
    pending = (
        ChampionProfile.objects.filter(status=ChampionProfile.Status.PENDING)
        .select_related("user", "cluster")
        .order_by("applied_at", "pk")
    )
    decided = (
        ChampionProfile.objects.exclude(status=ChampionProfile.Status.PENDING)
        .select_related("user", "decided_by")
        .order_by("-decided_at", "-pk")[:20]
    )
    page = Paginator(pending, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "cms/champions/applications.html",
        {"page_obj": page, "decided": decided},
    )


@trainer_required
def application(request, pk: int):
    profile = get_object_or_404(
        ChampionProfile.objects.select_related("user", "cluster", "photo"), pk=pk
    )
    decline_form = DeclineForm(request.POST if "decline" in request.POST else None)
    if request.method == "POST":
        try:
            if "approve" in request.POST:
                champion_approve(profile=profile, by=request.user)
                messages.success(request, MESSAGE_APPROVED.format(name=profile.display_name))
                return redirect("champion_applications")
            if decline_form.is_valid():
                champion_decline(
                    profile=profile, by=request.user, reason=decline_form.cleaned_data["reason"]
                )
                messages.success(request, MESSAGE_DECLINED.format(name=profile.display_name))
                return redirect("champion_applications")
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("champion_application", pk=profile.pk)
    return render(
        request,
        "cms/champions/application.html",
        {
            "profile": profile,
            "certification": champion_certification(profile),
            "organisations": profile.organisations.order_by("name"),
            "decline_form": decline_form,
        },
    )


@require_GET
def cluster(request, slug: str):
    found = Cluster.objects.select_related("region").filter(slug=slug).first()
    if found is None:
        raise Http404("No such cluster")
    practices, others = cluster_organisations(found)
    champions = directory_page_prepare(directory_profiles().filter(cluster=found).distinct())
    return render(
        request,
        "cms/champions/cluster.html",
        {
            "cluster": found,
            "practices": practices,
            "others": others,
            "champions": champions,
            "coverage": cluster_coverage(found),
            "detail": sees_cluster_detail(request.user, found),
        },
    )
