"""Django's password rules with their messages in proper Indonesian (Django's own Indonesian
catalogue mixes "sandi" and "kata sandi" and writes "anda"); English comes from our catalogue."""

from django.contrib.auth import password_validation as stock
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(stock.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                _("Kata sandi terlalu mirip dengan data akun Anda (nama, nama pengguna, surel)."),
                code="password_too_similar",
            ) from None

    def get_help_text(self):
        return _("Kata sandi tidak boleh mirip dengan nama, nama pengguna, atau surel Anda.")


class MinimumLengthValidator(stock.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Kata sandi terlalu pendek: paling sedikit %(n)d karakter.",
            "Kata sandi terlalu pendek: paling sedikit %(n)d karakter.",
            self.min_length,
        ) % {"n": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Kata sandi paling sedikit %(n)d karakter.",
            "Kata sandi paling sedikit %(n)d karakter.",
            self.min_length,
        ) % {"n": self.min_length}


class CommonPasswordValidator(stock.CommonPasswordValidator):
    def get_error_message(self):
        return _("Kata sandi ini terlalu umum dan mudah ditebak.")

    def get_help_text(self):
        return _("Kata sandi tidak boleh kata sandi yang umum dipakai.")


class NumericPasswordValidator(stock.NumericPasswordValidator):
    def get_error_message(self):
        return _("Kata sandi tidak boleh hanya berisi angka.")

    def get_help_text(self):
        return _("Kata sandi tidak boleh hanya berisi angka.")
