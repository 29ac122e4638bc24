"""URLs of the competition: edition configuration by its organiser."""

from django.urls import path

from .views import editions as views

urlpatterns = [
    path("kompetisi/kelola/", views.EditionListView.as_view(), name="edition_list"),
    path("kompetisi/kelola/baru/", views.EditionCreateView.as_view(), name="edition_create"),
    path("kompetisi/kelola/<int:pk>/", views.EditionDetailView.as_view(), name="edition_detail"),
    path(
        "kompetisi/kelola/<int:pk>/ubah/", views.EditionUpdateView.as_view(), name="edition_update"
    ),
    path(
        "kompetisi/kelola/<int:pk>/kelompok/<int:group_pk>/",
        views.GroupUpdateView.as_view(),
        name="edition_group_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kelompok/<int:group_pk>/bagian/baru/",
        views.SectionCreateView.as_view(),
        name="edition_section_create",
    ),
    path(
        "kompetisi/kelola/<int:pk>/bagian/<int:section_pk>/",
        views.SectionUpdateView.as_view(),
        name="edition_section_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/bagian/<int:section_pk>/hapus/",
        views.SectionDeleteView.as_view(),
        name="edition_section_delete",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kategori/baru/",
        views.CategoryCreateView.as_view(),
        name="edition_category_create",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kategori/<int:category_pk>/",
        views.CategoryUpdateView.as_view(),
        name="edition_category_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kategori/<int:category_pk>/hapus/",
        views.CategoryDeleteView.as_view(),
        name="edition_category_delete",
    ),
    path(
        "kompetisi/kelola/<int:pk>/perpanjangan/",
        views.ExtensionSetView.as_view(),
        name="edition_extension_set",
    ),
    path(
        "kompetisi/kelola/<int:pk>/perpanjangan/<int:extension_pk>/hapus/",
        views.ExtensionDeleteView.as_view(),
        name="edition_extension_delete",
    ),
]
