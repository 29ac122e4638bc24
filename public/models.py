"""The public side: the innovation database, winners, statistics and open data.

`InnovationRecord` is the public copy of one proposal that reached the administrative
selection (passed, once the competition published its results) or a published result: only
the fields the public may see, flattened so that every filter of the database is a column
of one table, with a stored search vector (PostgreSQL) that a GIN index serves. It is
written only by `public.services.records_refresh`, from the kipp rows it copies.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hubs.enums import Cluster
from hubs.models import Instansi, Region
from kipp.enums import GroupKind
from kipp.models import Category, Competition, Innovation, Proposal, SdgGoal

from .enums import Stage


class InnovationRecord(models.Model):
    proposal = models.OneToOneField(
        Proposal, primary_key=True, on_delete=models.CASCADE, related_name="public_record"
    )
    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="public_records"
    )
    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="public_records"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    title = models.CharField(_("nama inovasi"), max_length=255)
    # Lower-cased title: the sort key of the list, stored so an index can serve it.
    title_key = models.CharField(max_length=255)
    summary = models.TextField(_("ringkasan"), blank=True)
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    instansi_name = models.CharField(_("instansi"), max_length=200)
    unit_name = models.CharField(_("unit"), max_length=200)
    province = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    regency = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cluster = models.CharField(_("klaster"), max_length=12, choices=Cluster.choices, blank=True)
    group = models.CharField(_("kelompok"), max_length=12, choices=GroupKind.choices)
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    category_name = models.CharField(_("kategori"), max_length=200, blank=True)
    sdgs = models.ManyToManyField(SdgGoal, blank=True, related_name="+")
    stage = models.PositiveSmallIntegerField(_("capaian"), choices=Stage.choices)
    replicated = models.BooleanField(_("sudah direplikasi"), default=False)
    video_url = models.URLField(_("tautan video"), blank=True)
    # PostgreSQL only: title (weight A) and summary, unit and instansi (weight B) on the
    # `indonesian` configuration; empty on SQLite, which searches with a plain LIKE.
    search = SearchVectorField(null=True, editable=False)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inovasi publik")
        verbose_name_plural = _("inovasi publik")
        ordering = ["-year", "title_key", "proposal"]
        # The GIN indexes (search vector, title trigrams) are made by migration 0002 on
        # PostgreSQL only.
        indexes = [
            models.Index(fields=["-year", "title_key", "proposal"], name="record_list"),
            models.Index(
                fields=["province", "-year", "title_key", "proposal"], name="record_province"
            ),
            models.Index(fields=["competition", "stage"], name="record_competition_stage"),
            models.Index(fields=["province", "stage", "-year"], name="record_province_stage"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("public_innovation", args=[self.innovation_id])


class SearchWord(models.Model):
    """A word (lower-cased, as written) of the public database's titles, summaries, units
    and instansi: the vocabulary a mistyped search word is corrected against
    (`public.search.corrected`). Filled on PostgreSQL as records are written; it only grows
    (a word no record holds any more corrects to nothing found, and title trigrams follow)."""

    word = models.CharField(max_length=64, primary_key=True)

    class Meta:
        verbose_name = _("kata pencarian")
        verbose_name_plural = _("kata pencarian")

    def __str__(self):
        return self.word
