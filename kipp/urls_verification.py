"""URLs of the competition: verification."""

urlpatterns = []
