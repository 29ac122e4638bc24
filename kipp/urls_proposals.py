"""URLs of the competition: proposals (operator side, shared proposal page)."""

from django.urls import path

from .views import operator, proposal

urlpatterns = [
    path("usulan/", operator.ProposalListView.as_view(), name="proposal_mine"),
    path("usulan/baru/", operator.ProposalCreateView.as_view(), name="proposal_create"),
    path("usulan/inovasi/", operator.InnovationListView.as_view(), name="innovation_list"),
    path("usulan/inovasi/baru/", operator.InnovationCreateView.as_view(), name="innovation_create"),
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
        operator.EvidenceUploadView.as_view(),
        name="evidence_upload",
    ),
    path(
        "usulan/<int:pk>/bukti/<int:evidence_pk>/",
        proposal.EvidenceDownloadView.as_view(),
        name="evidence_download",
    ),
    path(
        "usulan/<int:pk>/bukti/<int:evidence_pk>/hapus/",
        operator.EvidenceDeleteView.as_view(),
        name="evidence_delete",
    ),
]
