"""Portal pages of the organisation app: dashboard, notifications, management."""

from django.urls import path

from .views import dashboard, manage, notifications

urlpatterns = [
    path("dasbor/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("notifikasi/", notifications.NotificationListView.as_view(), name="notifications"),
    path(
        "notifikasi/baca-semua/",
        notifications.NotificationReadAllView.as_view(),
        name="notifications_read_all",
    ),
    path("kelola/akun/", manage.AccountListView.as_view(), name="account_list"),
    path("kelola/akun/baru/", manage.AccountCreateView.as_view(), name="account_create"),
    path("kelola/akun/<int:pk>/ubah/", manage.AccountUpdateView.as_view(), name="account_update"),
    path("kelola/akun/<int:pk>/status/", manage.AccountActiveView.as_view(), name="account_active"),
    path(
        "kelola/akun/<int:pk>/reset-sandi/",
        manage.AccountResetPasswordView.as_view(),
        name="account_reset_password",
    ),
    path("kelola/unit/", manage.UnitListView.as_view(), name="unit_list"),
    path("kelola/unit/baru/", manage.UnitCreateView.as_view(), name="unit_create"),
    path("kelola/unit/<int:pk>/ubah/", manage.UnitUpdateView.as_view(), name="unit_update"),
    path("kelola/instansi/", manage.InstansiListView.as_view(), name="instansi_list"),
    path("kelola/instansi/baru/", manage.InstansiCreateView.as_view(), name="instansi_create"),
    path(
        "kelola/instansi/<int:pk>/ubah/",
        manage.InstansiUpdateView.as_view(),
        name="instansi_update",
    ),
    path("kelola/hub/", manage.HubListView.as_view(), name="hub_list"),
    path("kelola/hub/baru/", manage.HubCreateView.as_view(), name="hub_create"),
    path("kelola/hub/<int:pk>/ubah/", manage.HubUpdateView.as_view(), name="hub_update"),
    path("kelola/wilayah/", manage.RegionListView.as_view(), name="region_list"),
    path("kelola/wilayah/<int:pk>/3t/", manage.Region3TView.as_view(), name="region_3t"),
]
