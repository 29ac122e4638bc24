from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KippConfig(AppConfig):
    name = "kipp"
    verbose_name = _("Kompetisi")
