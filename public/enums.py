"""Choices of the public side: how far an innovation went in one competition."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kipp.enums import ResultLevel


class Stage(models.IntegerChoices):
    """The furthest public stage a proposal reached, in order (a higher number is further)."""

    ADMIN_PASSED = 1, _("Lolos seleksi administrasi")
    TOP99 = 2, _("Top 99")
    TOP45 = 3, _("Top 45")
    OUTSTANDING = 4, _("Outstanding Achievement")


STAGE_OF_LEVEL = {
    ResultLevel.TOP99: Stage.TOP99,
    ResultLevel.TOP45: Stage.TOP45,
    ResultLevel.OUTSTANDING: Stage.OUTSTANDING,
}
# Stages shown as winners (a Top 99 and beyond).
WINNER_STAGES = (Stage.TOP99, Stage.TOP45, Stage.OUTSTANDING)
