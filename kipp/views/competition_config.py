"""One competition's configuration page and its changes: groups, form sections, categories
and deadline extensions, for the competition's organiser only (404 for anyone else)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from hubs.views.access import AreaRequiredMixin

from ..forms.competitions import (
    CategoryForm,
    ExtensionForm,
    GroupForm,
    SectionForm,
)
from ..models import DocumentKind, FormSection
from ..selectors.competitions import (
    competition_config,
    instansi_eligible_for,
)
from ..selectors.proposals import competitions_managed_by
from ..services import competitions as services
from .competitions import GROUP_ORDER, PERMISSION, _organiser_text, _phase


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
            "documents": list(config.documents.all()),
            "document_kinds": DocumentKind.choices,
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


class _ConfigPostView(_CompetitionConfigMixin, View):
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        # A PermissionDenied from a service becomes 404 in AreaRequiredMixin.dispatch.
        return self.handle(self.get_competition())

    def handle(self, competition):
        raise NotImplementedError

    def invalid(self, competition, key, form, error: ValidationError | None = None):
        if error is not None:
            form.add_error(None, error)
        return self.render_page(competition, bound={key: form})


class GroupUpdateView(_ConfigPostView):
    def handle(self, competition):
        group = get_object_or_404(competition.groups, pk=self.kwargs["group_pk"])
        form = GroupForm(self.request.POST, instance=group, auto_id=f"id_group{group.pk}_%s")
        if not form.is_valid():
            return self.invalid(competition, ("group", group.pk), form)
        group.refresh_from_db()
        try:
            services.group_update(actor=self.request.user, group=group, **form.cleaned_data)
        except ValidationError as error:
            return self.invalid(competition, ("group", group.pk), form, error)
        return self.done(
            competition,
            _("Pengaturan kelompok %(g)s disimpan.") % {"g": group.get_kind_display()},
            f"#kelompok-{group.kind}",
        )


class SectionCreateView(_ConfigPostView):
    def handle(self, competition):
        group = get_object_or_404(competition.groups, pk=self.kwargs["group_pk"])
        form = SectionForm(self.request.POST, auto_id=f"id_new_section{group.pk}_%s")
        if not form.is_valid():
            return self.invalid(competition, ("new_section", group.pk), form)
        services.section_add(actor=self.request.user, group=group, **form.cleaned_data)
        return self.done(
            competition,
            _("Bagian %(t)s ditambahkan ke kelompok %(g)s.")
            % {"t": form.cleaned_data["title"], "g": group.get_kind_display()},
            f"#kelompok-{group.kind}",
        )


class SectionUpdateView(_ConfigPostView):
    def handle(self, competition):
        section = _get_section(competition, self.kwargs["section_pk"])
        form = SectionForm(
            self.request.POST, instance=section, auto_id=f"id_section{section.pk}_%s"
        )
        if not form.is_valid():
            return self.invalid(competition, ("section", section.pk), form)
        section.refresh_from_db()
        services.section_update(actor=self.request.user, section=section, **form.cleaned_data)
        return self.done(
            competition,
            _("Bagian %(t)s disimpan.") % {"t": section.title},
            f"#kelompok-{section.group.kind}",
        )


class SectionDeleteView(_ConfigPostView):
    def handle(self, competition):
        section = _get_section(competition, self.kwargs["section_pk"])
        services.section_remove(actor=self.request.user, section=section)
        return self.done(
            competition,
            _("Bagian %(t)s dihapus dari kelompok %(g)s.")
            % {"t": section.title, "g": section.group.get_kind_display()},
            f"#kelompok-{section.group.kind}",
        )


def _get_section(competition, pk):
    return get_object_or_404(
        FormSection.objects.select_related("group__competition"),
        pk=pk,
        group__competition=competition,
    )


class CategoryCreateView(_ConfigPostView):
    def handle(self, competition):
        form = CategoryForm(
            self.request.POST, competition=competition, auto_id="id_new_category_%s"
        )
        if not form.is_valid():
            return self.invalid(competition, "new_category", form)
        try:
            services.category_add(
                actor=self.request.user, competition=competition, **form.cleaned_data
            )
        except ValidationError as error:
            return self.invalid(competition, "new_category", form, error)
        return self.done(
            competition,
            _("Kategori %(n)s ditambahkan.") % {"n": form.cleaned_data["name"]},
            "#kategori",
        )


class CategoryUpdateView(_ConfigPostView):
    def handle(self, competition):
        category = get_object_or_404(competition.categories, pk=self.kwargs["category_pk"])
        form = CategoryForm(
            self.request.POST,
            instance=category,
            competition=competition,
            auto_id=f"id_category{category.pk}_%s",
        )
        if not form.is_valid():
            return self.invalid(competition, ("category", category.pk), form)
        category.refresh_from_db()
        try:
            services.category_update(
                actor=self.request.user, category=category, **form.cleaned_data
            )
        except ValidationError as error:
            return self.invalid(competition, ("category", category.pk), form, error)
        return self.done(
            competition, _("Kategori %(n)s disimpan.") % {"n": category.name}, "#kategori"
        )


class CategoryDeleteView(_ConfigPostView):
    def handle(self, competition):
        category = get_object_or_404(competition.categories, pk=self.kwargs["category_pk"])
        try:
            services.category_remove(actor=self.request.user, category=category)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(reverse("competition_detail", args=[competition.pk]) + "#kategori")
        return self.done(
            competition, _("Kategori %(n)s dihapus.") % {"n": category.name}, "#kategori"
        )


class ExtensionSetView(_ConfigPostView):
    def handle(self, competition):
        form = self.extension_form(competition, self.request.POST)
        if not form.is_valid():
            return self.invalid(competition, "extension", form)
        data = form.cleaned_data
        try:
            extension = services.extension_set(
                actor=self.request.user,
                competition=competition,
                instansi=data["instansi"],
                registration_closes_at=data["registration_closes_at"],
                verification_closes_at=data["verification_closes_at"],
                reason=data["reason"],
            )
        except ValidationError as error:
            return self.invalid(competition, "extension", form, error)
        return self.done(
            competition,
            _("Perpanjangan tenggat untuk %(i)s disimpan.") % {"i": extension.instansi.name},
            "#perpanjangan",
        )


class ExtensionDeleteView(_ConfigPostView):
    def handle(self, competition):
        extension = get_object_or_404(
            competition.extensions.select_related("instansi", "competition"),
            pk=self.kwargs["extension_pk"],
        )
        services.extension_remove(actor=self.request.user, extension=extension)
        return self.done(
            competition,
            _("Perpanjangan tenggat untuk %(i)s dicabut.") % {"i": extension.instansi.name},
            "#perpanjangan",
        )
