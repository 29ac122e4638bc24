"""Choices for the organisation structure: region levels, instansi types, roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.IntegerChoices):
    PROVINCE = 1, _("Provinsi")
    REGENCY = 2, _("Kabupaten/Kota")


class RegionKind(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")


class InstansiKind(models.TextChoices):
    KEMENTERIAN = "kementerian", _("Kementerian")
    LEMBAGA = "lembaga", _("Lembaga")
    PROVINSI = "provinsi", _("Pemerintah Provinsi")
    KABUPATEN = "kabupaten", _("Pemerintah Kabupaten")
    KOTA = "kota", _("Pemerintah Kota")
    BUMN = "bumn", _("BUMN")
    BUMD = "bumd", _("BUMD")


# Types whose instansi belong to a region (regional governments and regional enterprises).
REGIONAL_KINDS = frozenset(
    {InstansiKind.PROVINSI, InstansiKind.KABUPATEN, InstansiKind.KOTA, InstansiKind.BUMD}
)


class Cluster(models.TextChoices):
    """Participant cluster used for shortlist composition; derived from the instansi type."""

    KEMENTERIAN = "kementerian", _("Kementerian")
    LEMBAGA = "lembaga", _("Lembaga")
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
    BUMN_BUMD = "bumn_bumd", _("BUMN/BUMD")


CLUSTER_OF_KIND = {
    InstansiKind.KEMENTERIAN: Cluster.KEMENTERIAN,
    InstansiKind.LEMBAGA: Cluster.LEMBAGA,
    InstansiKind.PROVINSI: Cluster.PROVINSI,
    InstansiKind.KABUPATEN: Cluster.KABUPATEN,
    InstansiKind.KOTA: Cluster.KOTA,
    InstansiKind.BUMN: Cluster.BUMN_BUMD,
    InstansiKind.BUMD: Cluster.BUMN_BUMD,
}


class Role(models.TextChoices):
    OPERATOR = "operator", _("Operator UPP")
    ADMIN_LOKAL = "admin_lokal", _("Admin Lokal")
    SEKRETARIAT = "sekretariat", _("Sekretariat KIPP")
    EVALUATOR = "evaluator", _("Tim Evaluasi")
    PANELIST = "panelist", _("Tim Panel Independen")
    HUB_ADMIN = "hub_admin", _("Admin Hub JIPP")
    MENTOR = "mentor", _("Tim Pendamping")


# Roles scoped to the organiser (national when the membership has no hub, else a hub).
ORGANISER_ROLES = frozenset({Role.SEKRETARIAT, Role.EVALUATOR, Role.PANELIST})
JUDGE_ROLES = frozenset({Role.EVALUATOR, Role.PANELIST})


class HubEventKind(models.TextChoices):
    FORUM = "forum", _("Forum replikasi")
    COACHING = "coaching", _("Coaching clinic")
    COMPETITION = "competition", _("Kompetisi provinsi")
    OTHER = "other", _("Lainnya")
