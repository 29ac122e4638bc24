"""Scoped reads of export jobs: a job is its owner's alone."""

from django.db.models import QuerySet

from ..models import ExportJob


def export_jobs_of(user) -> QuerySet[ExportJob]:
    """The export jobs the user asked for (every other job answers 404)."""
    if not user.is_authenticated:
        return ExportJob.objects.none()
    return ExportJob.objects.filter(owner=user)
