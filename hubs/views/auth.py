"""Password change that also clears the "must change password" flag, and a password reset
whose e-mail is sent by a Celery task."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from .. import services
from ..models import User


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        if user.must_change_password:
            user.must_change_password = False
            user.save(update_fields=["must_change_password"])
        messages.success(self.request, _("Kata sandi Anda telah diganti."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Queue the reset e-mail and answer at once, the same way for any address.

    Django's view looks the address up and sends the mail within the request, so the time
    and the queries of the response tell whether an account has that address. Here the
    lookup and the sending happen in a task (hubs.tasks.password_reset_email_send).
    """

    def form_valid(self, form):
        services.password_reset_request(email=form.cleaned_data["email"], language=get_language())
        return HttpResponseRedirect(self.get_success_url())


def language_switch(request):
    """Django's language switch, which also remembers the choice on a signed-in account, so
    notifications and e-mails reach the person in the language they read the portal in."""
    response = set_language(request)
    chosen = request.POST.get("language", "")
    user = request.user
    if (
        request.method == "POST"
        and user.is_authenticated
        and chosen in dict(settings.LANGUAGES)
        and user.language != chosen
    ):
        User.objects.filter(pk=user.pk).update(language=chosen)
    return response
