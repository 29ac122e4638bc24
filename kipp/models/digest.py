"""The daily digest of forwarded proposals: one row per competition and day it went out."""

from django.db import models

from .competition import Competition


class ForwardDigest(models.Model):
    """Written in the same transaction as the digest's notifications, so a day's digest of a
    competition goes out once, however often the task runs or is retried."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    proposal_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["competition", "day"], name="one_digest_per_day")
        ]

    def __str__(self):
        return f"{self.competition_id} {self.day}"
