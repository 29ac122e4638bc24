"""Django admin for superusers: rounds and rubrics editable; sheets, events, runs read-only.

Sheet states change only through `judging.services.sheets.sheet_transition`; events and
ranking runs are written by their services.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Affiliation,
    Assignment,
    Conflict,
    Criterion,
    Descriptor,
    FieldVerification,
    Job,
    Judge,
    JudgeReminder,
    Objection,
    PresentationSlot,
    RankedProposal,
    RankingRun,
    Round,
    RoundEntry,
    Score,
    ScoreSheet,
    SheetEvent,
    Shortlist,
    ShortlistEntry,
)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class DescriptorInline(admin.TabularInline):
    model = Descriptor
    extra = 0


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "competition", "order", "kind", "team", "opens_at", "closes_at"]
    list_filter = ["kind", "competition"]
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "round", "weight", "order"]
    inlines = [DescriptorInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoundEntry)
class RoundEntryAdmin(ReadOnlyAdmin):
    list_display = ["round", "proposal", "created_at"]
    list_select_related = ["round", "proposal"]


@admin.register(Judge)
class JudgeAdmin(admin.ModelAdmin):
    list_display = ["round", "user", "created_at"]
    raw_id_fields = ["user"]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["user", "instansi", "region", "description"]
    raw_id_fields = ["user", "instansi", "region"]


@admin.register(Conflict)
class ConflictAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["user", "proposal", "source", "created_at"]
    list_filter = ["source"]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["round", "proposal", "judge", "is_extra", "created_at"]
    list_filter = ["is_extra"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "value", "comment"]


@admin.register(ScoreSheet)
class ScoreSheetAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["assignment", "state", "total", "submitted_at"]
    list_filter = ["state"]
    inlines = [ScoreInline]


@admin.register(SheetEvent)
class SheetEventAdmin(ReadOnlyAdmin):
    list_display = ["sheet", "from_state", "to_state", "actor", "created_at"]


@admin.register(JudgeReminder)
class JudgeReminderAdmin(ReadOnlyAdmin):
    list_display = ["round", "judge", "threshold", "sent_at"]


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ["kind", "round", "state", "progress", "created_at", "finished_at"]
    list_filter = ["kind", "state"]


@admin.register(RankingRun)
class RankingRunAdmin(ReadOnlyAdmin):
    list_display = ["round", "normalization", "alpha", "created_at"]


@admin.register(RankedProposal)
class RankedProposalAdmin(ReadOnlyAdmin):
    list_display = ["run", "rank", "proposal", "raw_mean", "normalized", "disagreement"]


@admin.register(Shortlist)
class ShortlistAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["round", "size", "level", "feasible", "published_at"]


@admin.register(ShortlistEntry)
class ShortlistEntryAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["shortlist", "rank", "proposal", "selected", "overridden"]


@admin.register(Objection)
class ObjectionAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["shortlist", "proposal", "name", "state", "created_at"]
    list_filter = ["state"]


@admin.register(PresentationSlot)
class PresentationSlotAdmin(admin.ModelAdmin):
    list_display = ["round", "proposal", "starts_at", "place"]


@admin.register(FieldVerification)
class FieldVerificationAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["round", "proposal", "visited_on", "recommended"]
