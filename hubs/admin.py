"""Django admin for superusers; day-to-day management happens in the portal."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Hub, Instansi, Membership, Notification, Region, Unit, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit", "instansi"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "name", "email", "is_active"]
    search_fields = ["username", "name", "email"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Portal KIPP", {"fields": ("name", "phone", "must_change_password")}),
    )


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "is_3t"]
    list_filter = ["level", "is_3t"]
    search_fields = ["code", "name"]


@admin.register(Instansi)
class InstansiAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "region", "is_active"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["region"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "instansi", "is_active"]
    search_fields = ["name", "instansi__name"]
    autocomplete_fields = ["instansi"]


@admin.register(Hub)
class HubAdmin(SimpleHistoryAdmin):
    list_display = ["province", "cohort", "decree", "is_active"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "subject", "created_at", "emailed_at"]
    raw_id_fields = ["recipient"]
