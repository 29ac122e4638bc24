"""Django's makemessages, also extracting `N_("...")` (our alias of gettext_noop).

Texts marked with N_ are stored untranslated and translated when shown (default section
titles and categories, SDG goal names, notification subjects); without this keyword they
never reached the catalogue, so English pages showed them in Indonesian.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]
