"""Competition configuration for organisers: the national Sekretariat for national competitions,
a hub admin for its hub's provincial competitions.

Every view enters through `AreaRequiredMixin` with "kipp.manage_competitions" and reaches
a competition only through `kipp.selectors.competitions_managed_by` (any other id is 404);
writes go through `kipp.services.competitions`. The small forms posted from the
configuration page (groups, sections, categories, extensions) live in
`kipp.views.competition_parts`.
"""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from hubs.views.access import AreaRequiredMixin, ScopedObjectMixin
from hubs.views.manage import CancelLinkMixin, SearchableListView

from ..enums import GroupKind
from ..forms.competitions import (
    CategoryForm,
    CompetitionForm,
    ExtensionForm,
    GroupForm,
    SectionForm,
)
from ..params import LenientPageMixin
from ..selectors.competitions import (
    competition_config,
    competition_organisers_for,
    instansi_eligible_for,
)
from ..selectors.proposals import competitions_managed_by
from ..services import competitions as services

PERMISSION = "kipp.manage_competitions"
GROUP_ORDER = {kind: n for n, kind in enumerate(GroupKind.values)}


def _phase(competition, now) -> tuple[str, str]:
    """A short label and badge colour for where the competition is in its schedule."""
    if now < competition.registration_opens_at:
        return _("Belum dibuka"), "secondary"
    if now < competition.registration_closes_at:
        return _("Pendaftaran dibuka"), "success"
    if now < competition.verification_closes_at:
        return _("Verifikasi lokal"), "warning"
    return _("Pendaftaran selesai"), "light"


class CompetitionListView(LenientPageMixin, SearchableListView):
    permission_required = PERMISSION
    template_name = "kipp/competition_list.html"
    context_object_name = "competitions"
    search_fields = ("name", "theme", "organiser_hub__province__name")

    def scoped_queryset(self):
        return competitions_managed_by(self.request.user).order_by("-year", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        for competition in context["competitions"]:
            competition.phase_label, competition.phase_colour = _phase(competition, now)
        context["can_create"] = bool(competition_organisers_for(self.request.user))
        return context


class CompetitionCreateView(CancelLinkMixin, AreaRequiredMixin, FormView):
    list_url_name = "competition_list"
    permission_required = PERMISSION
    template_name = "kipp/competition_form.html"
    form_class = CompetitionForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(PERMISSION):
            self.organisers = competition_organisers_for(request.user)
            if not self.organisers:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisers": self.organisers}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if len(self.organisers) == 1:
            context["organiser_label"] = _organiser_text(self.organisers[0])
        return context

    def form_valid(self, form):
        data = {field: form.cleaned_data[field] for field in services.COMPETITION_FIELDS}
        try:
            competition = services.competition_create(
                actor=self.request.user, organiser_hub=form.chosen_organiser(), **data
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Edisi %(n)s dibuat dengan kelompok, bagian formulir dan kategori bawaan. "
                "Periksa dan sesuaikan di bawah ini."
            )
            % {"n": competition.name},
        )
        return redirect("competition_detail", competition.pk)


def _organiser_text(hub) -> str:
    if hub is None:
        return _("Nasional (Sekretariat KIPP)")
    return _("Hub JIPP %(province)s") % {"province": hub.province.name}


class CompetitionUpdateView(CancelLinkMixin, ScopedObjectMixin, FormView):
    list_url_name = "competition_list"
    permission_required = PERMISSION
    template_name = "kipp/competition_form.html"
    form_class = CompetitionForm

    def scoped_queryset(self):
        return competitions_managed_by(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(PERMISSION):
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        # A copy: an invalid form must not show its rejected values as the competition's own.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.object)}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "competition": self.object,
            "organiser_label": _organiser_text(self.object.organiser_hub),
            "cancel_url": reverse("competition_detail", args=[self.object.pk]),
        }

    def form_valid(self, form):
        data = {field: form.cleaned_data[field] for field in services.COMPETITION_FIELDS}
        try:
            services.competition_update(actor=self.request.user, competition=self.object, **data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Data edisi %(n)s disimpan.") % {"n": data["name"]})
        return redirect("competition_detail", self.object.pk)


class _CompetitionConfigMixin(AreaRequiredMixin):
    """The configuration page and the small forms posted from it.

    Each POST view handles one form; when it is invalid the whole page is rendered again
    with that form bound (its errors shown in place), otherwise it redirects back.
    """

    permission_required = PERMISSION
    template_name = "kipp/competition_detail.html"

    def get_competition(self):
        return get_object_or_404(competitions_managed_by(self.request.user), pk=self.kwargs["pk"])

    def render_page(self, competition, *, bound=None, status=200):
        """The page with one form per item; `bound` replaces the form under its key."""
        bound = bound or {}
        config = competition_config(competition)
        groups = sorted(config.groups.all(), key=lambda g: GROUP_ORDER.get(g.kind, 99))
        group_blocks = []
        for group in groups:
            sections = [
                (
                    section,
                    bound.get(("section", section.pk))
                    or SectionForm(instance=section, auto_id=f"id_section{section.pk}_%s"),
                )
                for section in group.sections.all()
            ]
            next_order = max((s.order for s in group.sections.all()), default=-1) + 1
            group_blocks.append(
                {
                    "group": group,
                    "form": bound.get(("group", group.pk))
                    or GroupForm(instance=group, auto_id=f"id_group{group.pk}_%s"),
                    "sections": sections,
                    "new_section": bound.get(("new_section", group.pk))
                    or SectionForm(
                        initial={"order": next_order, "word_limit": 200},
                        auto_id=f"id_new_section{group.pk}_%s",
                    ),
                }
            )
        categories = [
            (
                category,
                bound.get(("category", category.pk))
                or CategoryForm(
                    instance=category, competition=config, auto_id=f"id_category{category.pk}_%s"
                ),
            )
            for category in config.categories.all()
        ]
        next_category = max((c.order for c in config.categories.all()), default=-1) + 1
        context = {
            "competition": config,
            "organiser_label": _organiser_text(config.organiser_hub),
            "phase": _phase(config, timezone.now()),
            "group_blocks": group_blocks,
            "categories": categories,
            "new_category": bound.get("new_category")
            or CategoryForm(
                competition=config, initial={"order": next_category}, auto_id="id_new_category_%s"
            ),
            "extensions": list(config.extensions.all()),
            "extension_form": bound.get("extension") or self.extension_form(config),
            "open_form": next(iter(bound), None),
        }
        return render(self.request, self.template_name, context, status=status)

    def extension_form(self, competition, data=None):
        return ExtensionForm(
            data,
            competition=competition,
            instansi_choices=instansi_eligible_for(competition),
            auto_id="id_extension_%s",
        )

    def done(self, competition, message, anchor=""):
        messages.success(self.request, message)
        return redirect(reverse("competition_detail", args=[competition.pk]) + anchor)


class CompetitionDetailView(_CompetitionConfigMixin, View):
    def get(self, request, pk):
        return self.render_page(self.get_competition())


class ConfigPostView(_CompetitionConfigMixin, View):
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        competition = self.get_competition()
        try:
            return self.handle(competition)
        except PermissionDenied:
            raise Http404 from None

    def handle(self, competition):
        raise NotImplementedError

    def invalid(self, competition, key, form, error: ValidationError | None = None):
        if error is not None:
            form.add_error(None, error)
        return self.render_page(competition, bound={key: form})
