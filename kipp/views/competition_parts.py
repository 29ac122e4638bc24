"""The small forms posted from a competition's configuration page: group settings,
form sections, categories and deadline extensions. Each redirects back to the page, or
renders it again with its form bound when invalid (`ConfigPostView`).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ..forms.competitions import CategoryForm, GroupForm, SectionForm
from ..models import FormSection
from ..services import competitions as services
from .competitions import ConfigPostView


class GroupUpdateView(ConfigPostView):
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


class SectionCreateView(ConfigPostView):
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


class SectionUpdateView(ConfigPostView):
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


class SectionDeleteView(ConfigPostView):
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


class CategoryCreateView(ConfigPostView):
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


class CategoryUpdateView(ConfigPostView):
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


class CategoryDeleteView(ConfigPostView):
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


class ExtensionSetView(ConfigPostView):
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


class ExtensionDeleteView(ConfigPostView):
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
