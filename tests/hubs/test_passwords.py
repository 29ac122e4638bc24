"""Password rules speak proper Indonesian, with one word for password: "kata sandi"."""

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import translation

from hubs.models import User


def test_password_messages_in_indonesian():
    with translation.override("id"), pytest.raises(ValidationError) as refused:
        validate_password("1234567")

    assert refused.value.messages == [
        "Kata sandi terlalu pendek: paling sedikit 8 karakter.",
        "Kata sandi ini terlalu umum dan mudah ditebak.",
        "Kata sandi tidak boleh hanya berisi angka.",
    ]


def test_password_similar_to_the_account_is_refused(db):
    user = User(username="ratnawulan", name="Ratna Wulandari")

    with translation.override("id"), pytest.raises(ValidationError) as refused:
        validate_password("ratnawulan", user)

    assert refused.value.messages == [
        "Kata sandi terlalu mirip dengan data akun Anda (nama, nama pengguna, surel)."
    ]


def test_help_texts_say_kata_sandi():
    with translation.override("id"):
        texts = password_validators_help_texts()

    assert all(text.startswith("Kata sandi") for text in texts)
    assert not any("anda" in text for text in texts)


def test_every_empty_select_says_pilih(client, babel):
    client.force_login(babel.admin_bb)

    page = client.get("/kelola/akun/baru/").content.decode()

    assert "---------" not in page
    assert "— pilih —" in page
