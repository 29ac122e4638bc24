"""The one door every portal view goes through.

Anonymous visitors are sent to the login page; a signed-in user without the area's
permission, or asking for an object outside their scope, gets 404 so ids leak nothing.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404


class AreaRequiredMixin(LoginRequiredMixin):
    """Require login and the `rules` permission named by `permission_required`."""

    permission_required: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.permission_required and not request.user.has_perm(self.permission_required):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ScopedObjectMixin(AreaRequiredMixin):
    """Fetch the object only through `scoped_queryset()`, a selector for the current user."""

    def scoped_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.scoped_queryset()
