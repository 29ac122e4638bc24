"""URL map of the judging rounds: the Sekretariat's set-up, assignment and results under
the competition management area, the judge's sheets under /penilaian/."""

from django.urls import path

from .views import assign, results, rounds, scoring

urlpatterns = [
    path("kompetisi/kelola/<int:pk>/babak/", rounds.RoundListView.as_view(), name="judging_rounds"),
    path(
        "kompetisi/kelola/<int:pk>/babak/baru/",
        rounds.RoundCreateView.as_view(),
        name="judging_round_create",
    ),
    path("babak/<int:pk>/", rounds.RoundDetailView.as_view(), name="judging_round"),
    path("babak/<int:pk>/ubah/", rounds.RoundUpdateView.as_view(), name="judging_round_update"),
    path("babak/<int:pk>/rubrik/", rounds.RubricView.as_view(), name="judging_rubric"),
    path("babak/<int:pk>/juri/", rounds.RoundJudgesView.as_view(), name="judging_round_judges"),
    path(
        "babak/<int:pk>/peserta/", rounds.RoundEntriesView.as_view(), name="judging_round_entries"
    ),
    path(
        "babak/<int:pk>/penugasan/", assign.AssignmentListView.as_view(), name="judging_assignments"
    ),
    path(
        "babak/<int:pk>/penugasan/otomatis/",
        assign.AssignmentRunView.as_view(),
        name="judging_assignment_run",
    ),
    path(
        "babak/<int:pk>/penugasan/tambah/",
        assign.AssignmentAddView.as_view(),
        name="judging_assignment_add",
    ),
    path(
        "babak/<int:pk>/penugasan/<int:assignment_pk>/hapus/",
        assign.AssignmentRemoveView.as_view(),
        name="judging_assignment_remove",
    ),
    path("babak/<int:pk>/konflik/", assign.ConflictSetView.as_view(), name="judging_conflict_set"),
    path(
        "babak/<int:pk>/lembar/<int:sheet_pk>/buka-kembali/",
        assign.SheetReopenView.as_view(),
        name="judging_sheet_reopen",
    ),
    path(
        "babak/<int:pk>/usulan/<int:proposal_pk>/tambah-juri/",
        assign.ExtraJudgeView.as_view(),
        name="judging_extra_judge",
    ),
    path("babak/proses/<int:pk>/", assign.JobView.as_view(), name="judging_job"),
    path("babak/<int:pk>/hasil/", results.ResultsView.as_view(), name="judging_results"),
    path(
        "babak/<int:pk>/hasil/hitung/",
        results.ResultsComputeView.as_view(),
        name="judging_results_compute",
    ),
    path(
        "babak/<int:pk>/ekspor/<str:what>.<str:fmt>",
        results.ExportView.as_view(),
        name="judging_export",
    ),
    path("penilaian/", scoring.MyRoundsView.as_view(), name="judging_my_rounds"),
    path(
        "penilaian/babak/<int:pk>/",
        scoring.RoundSheetsView.as_view(),
        name="judging_round_sheets",
    ),
    path("penilaian/lembar/<int:pk>/", scoring.SheetView.as_view(), name="judging_sheet"),
    path("penilaian/afiliasi/", scoring.AffiliationsView.as_view(), name="judging_affiliations"),
    path(
        "penilaian/afiliasi/<int:pk>/hapus/",
        scoring.AffiliationRemoveView.as_view(),
        name="judging_affiliation_remove",
    ),
    path(
        "penilaian/lembar/<int:pk>/konflik/",
        scoring.SheetConflictView.as_view(),
        name="judging_sheet_conflict",
    ),
]
