"""URL map of the public side and the open data API."""

urlpatterns = []
