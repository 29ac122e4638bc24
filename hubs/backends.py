"""Authentication backend for usernames and passwords, with Django's model permissions kept
to staff accounts.

Portal users get their rights from role memberships (`hubs.rules`); Django's per-model
permissions only matter in the admin site. Without this, every menu check a user fails
would cost two permission queries per request.
"""

from django.contrib.auth.backends import ModelBackend


class PortalModelBackend(ModelBackend):
    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_staff:
            return set()
        return super()._get_permissions(user_obj, obj, from_name)
