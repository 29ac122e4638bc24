"""URLs of the competition: editions."""

urlpatterns = []
