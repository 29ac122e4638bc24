"""URLs of the competition: proposals."""

urlpatterns = []
