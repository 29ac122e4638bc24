"""URL map of the competition: configuration, proposals, verification, selection."""

from django.urls import path

from .views import (
    competition_config,
    competitions,
    evidence,
    exports,
    innovations,
    operator,
    proposal,
    public,
    selection,
    verification,
)

urlpatterns = [
    path("kompetisi/kelola/", competitions.CompetitionListView.as_view(), name="competition_list"),
    path(
        "kompetisi/kelola/baru/",
        competitions.CompetitionCreateView.as_view(),
        name="competition_create",
    ),
    path(
        "kompetisi/kelola/<int:pk>/",
        competition_config.CompetitionDetailView.as_view(),
        name="competition_detail",
    ),
    path(
        "kompetisi/kelola/<int:pk>/ubah/",
        competitions.CompetitionUpdateView.as_view(),
        name="competition_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kelompok/<int:group_pk>/",
        competition_config.GroupUpdateView.as_view(),
        name="competition_group_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kelompok/<int:group_pk>/bagian/baru/",
        competition_config.SectionCreateView.as_view(),
        name="competition_section_create",
    ),
    path(
        "kompetisi/kelola/<int:pk>/bagian/<int:section_pk>/",
        competition_config.SectionUpdateView.as_view(),
        name="competition_section_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/bagian/<int:section_pk>/hapus/",
        competition_config.SectionDeleteView.as_view(),
        name="competition_section_delete",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kategori/baru/",
        competition_config.CategoryCreateView.as_view(),
        name="competition_category_create",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kategori/<int:category_pk>/",
        competition_config.CategoryUpdateView.as_view(),
        name="competition_category_update",
    ),
    path(
        "kompetisi/kelola/<int:pk>/kategori/<int:category_pk>/hapus/",
        competition_config.CategoryDeleteView.as_view(),
        name="competition_category_delete",
    ),
    path(
        "kompetisi/kelola/<int:pk>/perpanjangan/",
        competition_config.ExtensionSetView.as_view(),
        name="competition_extension_set",
    ),
    path(
        "kompetisi/kelola/<int:pk>/perpanjangan/<int:extension_pk>/hapus/",
        competition_config.ExtensionDeleteView.as_view(),
        name="competition_extension_delete",
    ),
    path("usulan/", operator.ProposalListView.as_view(), name="proposal_mine"),
    path("usulan/baru/", operator.ProposalCreateView.as_view(), name="proposal_create"),
    path("usulan/inovasi/", innovations.InnovationListView.as_view(), name="innovation_list"),
    path(
        "usulan/inovasi/baru/", innovations.InnovationCreateView.as_view(), name="innovation_create"
    ),
    path(
        "usulan/inovasi/<int:pk>/ubah/",
        innovations.InnovationUpdateView.as_view(),
        name="innovation_update",
    ),
    path(
        "usulan/inovasi/<int:pk>/hapus/",
        innovations.InnovationDeleteView.as_view(),
        name="innovation_delete",
    ),
    path("usulan/<int:pk>/", proposal.ProposalDetailView.as_view(), name="proposal_detail"),
    path("usulan/<int:pk>/ubah/", operator.ProposalEditView.as_view(), name="proposal_edit"),
    path(
        "usulan/<int:pk>/simpan-otomatis/",
        operator.ProposalAutosaveView.as_view(),
        name="proposal_autosave",
    ),
    path(
        "usulan/<int:pk>/status/",
        proposal.ProposalTransitionView.as_view(),
        name="proposal_transition",
    ),
    path(
        "usulan/<int:pk>/bukti/unggah/",
        evidence.EvidenceUploadView.as_view(),
        name="evidence_upload",
    ),
    path(
        "usulan/<int:pk>/bukti/<int:evidence_pk>/",
        proposal.EvidenceDownloadView.as_view(),
        name="evidence_download",
    ),
    path(
        "usulan/<int:pk>/bukti/<int:evidence_pk>/hapus/",
        evidence.EvidenceDeleteView.as_view(),
        name="evidence_delete",
    ),
    path(
        "verifikasi/",
        verification.VerificationInboxView.as_view(),
        name="verification_inbox",
    ),
    path(
        "verifikasi/ekspor/",
        verification.VerificationExportView.as_view(),
        name="verification_export",
    ),
    path(
        "verifikasi/<int:pk>/",
        verification.VerificationDetailView.as_view(),
        name="verification_detail",
    ),
    path("seleksi/administrasi/", selection.SelectionListView.as_view(), name="selection_list"),
    path(
        "seleksi/administrasi/ekspor/<str:fmt>/",
        selection.SelectionExportView.as_view(),
        name="selection_export",
    ),
    path(
        "seleksi/administrasi/usulan/<int:pk>/",
        selection.SelectionDecideView.as_view(),
        name="selection_decide",
    ),
    path(
        "seleksi/administrasi/<int:pk>/massal/",
        selection.SelectionBulkView.as_view(),
        name="selection_bulk",
    ),
    path(
        "seleksi/administrasi/<int:pk>/umumkan/",
        selection.SelectionPublishView.as_view(),
        name="selection_publish",
    ),
    path("ekspor/<int:pk>/", exports.ExportJobView.as_view(), name="export_job"),
    path("ekspor/<int:pk>/unduh/", exports.ExportDownloadView.as_view(), name="export_download"),
    path(
        "pengumuman/<slug:slug>/seleksi-administrasi/",
        public.AdminResultsAnnouncementView.as_view(),
        name="announcement_admin_results",
    ),
    path(
        "pengumuman/<slug:slug>/seleksi-administrasi/sk/",
        public.admin_results_decree,
        name="announcement_admin_results_decree",
    ),
]
