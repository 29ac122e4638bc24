"""URLs of the competition: proposals (operator side, shared proposal page)."""

from django.urls import path

from .views import proposal

urlpatterns = [
    path("usulan/<int:pk>/", proposal.ProposalDetailView.as_view(), name="proposal_detail"),
    path(
        "usulan/<int:pk>/status/",
        proposal.ProposalTransitionView.as_view(),
        name="proposal_transition",
    ),
    path(
        "usulan/<int:pk>/bukti/<int:evidence_pk>/",
        proposal.EvidenceDownloadView.as_view(),
        name="evidence_download",
    ),
]
