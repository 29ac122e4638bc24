"""URLs of the competition: selection."""

urlpatterns = []
