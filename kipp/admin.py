"""Django admin for superusers: competitions and a read-only view of proposals, timelines,
results and verifications.

Proposal states are never edited here: every change goes through kipp.workflow; results and
verifications are written by their services only.
"""

from django.contrib import admin

from .models import (
    Category,
    Competition,
    CompetitionGroup,
    DeadlineExtension,
    FormSection,
    Innovation,
    Proposal,
    ProposalEvent,
    Result,
    Verification,
    VerificationItem,
    VerificationNote,
)


class GroupInline(admin.TabularInline):
    model = CompetitionGroup
    extra = 0


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "organiser_hub", "registration_closes_at"]
    list_filter = ["year"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GroupInline, CategoryInline]


@admin.register(FormSection)
class FormSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "word_limit", "order"]
    list_filter = ["group__competition", "group__kind"]


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(admin.ModelAdmin):
    list_display = ["competition", "instansi", "registration_closes_at", "verification_closes_at"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(Innovation)
class InnovationAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "started_on"]
    search_fields = ["title", "unit__name", "unit__instansi__name"]
    list_select_related = ["unit"]


class EventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ["created_at", "actor", "from_state", "to_state", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "competition", "group", "instansi", "state", "updated_at"]
    list_filter = ["competition", "state", "group__kind"]
    search_fields = ["title", "instansi__name", "unit__name"]
    list_select_related = ["competition", "group", "instansi"]
    inlines = [EventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown for reading only: no adding, changing or deleting."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    list_display = ["proposal", "level", "published_at", "revoked_at"]
    list_filter = ["level", "proposal__competition"]
    search_fields = ["proposal__title", "proposal__instansi__name"]
    list_select_related = ["proposal"]
    readonly_fields = [
        "proposal",
        "level",
        "published_at",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
        "created_at",
        "created_by",
    ]


class VerificationItemInline(admin.TabularInline):
    model = VerificationItem
    extra = 0
    can_delete = False
    fields = readonly_fields = ["item", "checked"]

    def has_add_permission(self, request, obj=None):
        return False


class VerificationNoteInline(admin.TabularInline):
    model = VerificationNote
    extra = 0
    can_delete = False
    fields = readonly_fields = ["section", "text"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Verification)
class VerificationAdmin(ReadOnlyAdmin):
    list_display = ["proposal", "stage", "verified_by", "verified_at"]
    list_filter = ["stage", "proposal__competition"]
    search_fields = ["proposal__title", "proposal__instansi__name"]
    list_select_related = ["proposal", "verified_by"]
    readonly_fields = ["proposal", "stage", "note", "verified_by", "verified_at"]
    inlines = [VerificationItemInline, VerificationNoteInline]
