"""The one door every portal view goes through.

Anonymous visitors are sent to the login page; a signed-in user without the area's
permission, or asking for an object outside their scope, gets 404 so ids leak nothing.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from ..errors import Refused


class AreaRequiredMixin(LoginRequiredMixin):
    """Require login and the `rules` permission named by `permission_required`.

    Also the one place where refusals are answered: a service's PermissionDenied (an
    object outside the user's scope) becomes 404, and `Refused` shows its reasons and
    sends the person back (`refused_url()`: the safe `next` of the form, else the page).
    """

    permission_required: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.permission_required and not request.user.has_perm(self.permission_required):
            raise Http404
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None
        except Refused as refused:
            for message in refused.messages:
                messages.error(request, message)
            return redirect(self.refused_url())

    def refused_url(self) -> str:
        target = self.request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return target
        return self.request.get_full_path()


class ScopedObjectMixin(AreaRequiredMixin):
    """Fetch the object only through `scoped_queryset()`, a selector for the current user."""

    def scoped_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.scoped_queryset()
