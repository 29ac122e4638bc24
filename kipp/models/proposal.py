"""Proposals (an innovation entered into one competition), their evidence and timeline.

State changes of a proposal happen only in `kipp.services.workflow`; this module holds data,
constraints and small derived properties.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.enums import Cluster
from hubs.models import Instansi, Unit

from ..enums import EDITABLE_STATES, EVENT_STATES, EvidenceKind, InnovatorKind, ProposalState
from .competition import Category, Competition, CompetitionGroup
from .innovation import Innovation, SdgGoal

# Innovators listed on a proposal (the team field), at most.
MAX_TEAM = 5


def waiting_first():
    """0 for a proposal waiting for local verification, 1 for any other: the first sort key
    of the Admin Lokal's inbox, indexed as this very expression ("proposal_inbox")."""
    return models.Case(
        models.When(state=ProposalState.SUBMITTED, then=models.Value(0)),
        default=models.Value(1),
        output_field=models.IntegerField(),
    )


class Proposal(models.Model):
    """An innovation entered into one competition and group; its `state` moves only by workflow."""

    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="proposals")
    group = models.ForeignKey(CompetitionGroup, on_delete=models.PROTECT, related_name="proposals")
    innovation = models.ForeignKey(Innovation, on_delete=models.PROTECT, related_name="proposals")
    # Copied from the innovation's unit when created; kept for scoping, quota and lists.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="proposals")
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(_("judul"), max_length=255)
    category = models.ForeignKey(
        Category,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    sdgs = models.ManyToManyField(SdgGoal, verbose_name=_("tujuan TPB/SDGs"), blank=True)
    sections = models.JSONField(_("isian"), default=dict, blank=True)
    innovator_kind = models.CharField(
        _("inovator"), max_length=12, choices=InnovatorKind.choices, default=InnovatorKind.TEAM
    )
    team = models.JSONField(_("inovator"), default=list, blank=True)
    source_innovation = models.ForeignKey(
        Innovation,
        verbose_name=_("inovasi asal yang direplikasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replications",
    )
    replication_statement = models.BooleanField(_("pernyataan replikasi"), default=False)
    video_url = models.URLField(_("tautan video"), blank=True)
    truth_statement = models.BooleanField(_("pernyataan kebenaran"), default=False)
    state = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        db_index=True,
    )
    # Optimistic locking for autosave: each save must name the version it started from.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Written by the forward transition, never after: the selection list sorts on
    # `forwarded_at`, and shortlist rules count the cluster and 3T status the instansi had
    # when it forwarded, whatever its kind or region's flag becomes later.
    forwarded_at = models.DateTimeField(_("diteruskan pada"), null=True, blank=True)
    cluster = models.CharField(_("klaster"), max_length=12, choices=Cluster.choices, blank=True)
    is_3t = models.BooleanField(_("daerah 3T"), null=True, blank=True)

    class Meta:
        verbose_name = _("usulan")
        verbose_name_plural = _("usulan")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                "competition",
                Lower("title"),
                name="proposal_title_unique_in_competition",
                violation_error_message=_("Judul ini sudah didaftarkan di kompetisi ini."),
            ),
            models.UniqueConstraint(
                fields=["competition", "innovation"],
                name="innovation_once_per_competition",
                violation_error_message=_("Inovasi ini sudah didaftarkan di kompetisi ini."),
            ),
        ]
        indexes = [
            # An instansi's counts per state, and its quota use per group: both answered
            # from the index alone, whatever the size of the competition.
            models.Index(fields=["competition", "instansi", "state", "group"]),
            # The Sekretariat's selection list in forwarding order: one state tab (this one
            # also serves every (competition, state) lookup), and all states or a cluster/3T
            # filter, which a state-first index would make sort every forwarded row.
            models.Index(fields=["competition", "state", "forwarded_at", "id"]),
            models.Index(fields=["competition", "forwarded_at", "id"]),
            # The Admin Lokal's inbox: waiting proposals first, then the latest changed.
            models.Index(
                F("competition"),
                F("instansi"),
                waiting_first(),
                F("updated_at").desc(),
                F("id").desc(),
                name="proposal_inbox",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposal_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES


def _evidence_path(instance, filename: str) -> str:
    """A random stored name: the original name is kept in the row, never on disk."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"evidence/{instance.proposal_id}/{secrets.token_urlsafe(16)}{suffix}"


class Evidence(models.Model):
    """An uploaded supporting document (PDF/JPG/PNG, checked by content at upload)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("jenis"), max_length=24, choices=EvidenceKind.choices)
    file = models.FileField(_("berkas"), upload_to=_evidence_path)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["proposal", "kind", "uploaded_at"]

    def __str__(self):
        return self.original_name


class ProposalEvent(models.Model):
    """One transition on a proposal's timeline; written once, never changed or deleted."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Also the retired round states, which timelines written before keep.
    from_state = models.CharField(max_length=20, choices=EVENT_STATES, blank=True)
    to_state = models.CharField(max_length=20, choices=EVENT_STATES)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("riwayat usulan")
        verbose_name_plural = _("riwayat usulan")
        ordering = ["proposal", "created_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id}: {self.from_state} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Proposal events are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Proposal events are immutable.")
