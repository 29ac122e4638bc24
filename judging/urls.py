"""URL map of the judging rounds."""

urlpatterns = []
