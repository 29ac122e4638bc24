from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Portal publik")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
