"""URL map of replication programmes, commitments and action plans."""

urlpatterns = []
