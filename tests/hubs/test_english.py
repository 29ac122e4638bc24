"""The English translation: the language switch, translated pages, and a complete catalog."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"


def _choose_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# --- pages in English ---------------------------------------------------------------------------


def test_visitor_switches_home_page_to_english(client, db):
    _choose_english(client)

    response = client.get("/")
    html = _html(response)

    assert '<html lang="en"' in html
    assert response["Content-Language"] == "en"
    assert "Log in to the portal" in html
    assert "Coverage" in html
    assert "Public Service Innovation Competition" in html
    assert "All times are in WIB (UTC+7)" in html
    assert "Masuk ke portal" not in html
    assert "Jangkauan" not in html
    assert "Semua waktu dalam WIB" not in html


def test_login_page_in_english(client, db):
    _choose_english(client)

    html = _html(client.get("/accounts/login/"))

    assert '<html lang="en"' in html
    assert "Log in to Portal KIPP" in html
    assert "Username" in html
    assert "Password" in html
    assert "Forgot your password?" in html
    assert "Masuk ke Portal KIPP" not in html
    assert "Nama pengguna" not in html
    assert "Kata sandi" not in html
    assert "Lupa kata sandi?" not in html


def test_admin_lokal_dashboard_and_accounts_in_english(client, babel):
    client.force_login(babel.admin_bb)
    _choose_english(client)

    dashboard = _html(client.get("/dasbor/"))
    assert '<html lang="en"' in dashboard
    for text in ("Dashboard", "Manage", "Log out", "Create operator account", "Manage accounts"):
        assert text in dashboard, text
    assert "Welcome, " in dashboard
    assert "Latest notifications" in dashboard
    for text in ("Dasbor", "Kelola akun", "Buat akun operator", "Selamat datang", "Keluar"):
        assert text not in dashboard, text

    accounts = _html(client.get("/kelola/akun/"))
    assert '<html lang="en"' in accounts
    assert re.search(r"<h1[^>]*>\s*Accounts\s*</h1>", accounts)
    assert "<title>Accounts · Portal KIPP</title>" in accounts
    for text in ("Create account", "Search by name, username or email", "Role and scope"):
        assert text in accounts, text
    assert re.search(r"<caption[^>]*>\d+ accounts?</caption>", accounts)
    for text in ("Buat akun", "Peran dan cakupan", "Tindakan", "Cari nama, nama pengguna"):
        assert text not in accounts, text


def test_browser_language_is_ignored_without_a_choice(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = _html(response)

    assert '<html lang="id"' in html
    assert response["Content-Language"] == "id"
    assert "Masuk ke portal" in html
    assert "Log in to the portal" not in html


def test_switching_back_to_indonesian(client, db):
    _choose_english(client)
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})

    html = _html(client.get("/"))

    assert '<html lang="id"' in html
    assert "Masuk ke portal" in html


# --- the catalog ---------------------------------------------------------------------------------

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _po_entries(path: Path) -> list[dict]:
    """Parse the .po into entries: {"flags": set, "msgid": str, "msgstr": [str, ...], ...}."""
    entries, entry, key = [], None, None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": set(), "strs": {}}
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert key, f"continuation without a keyword in {path.name}: {raw!r}"
            target = entry["strs"] if key.startswith("msgstr") else entry
            target[key] += _unquote(line)
        else:
            match = _KEYWORD.match(line)
            assert match, f"unparsable line in {path.name}: {raw!r}"
            key, value = match.group(1), _unquote(match.group(2))
            if key.startswith("msgstr"):
                entry["strs"][key] = value
            else:
                entry[key] = value
    return entries


def test_catalog_is_complete_and_not_fuzzy():
    entries = _po_entries(PO_FILE)
    header = next(e for e in entries if e["msgid"] == "")
    assert "Language: en\n" in header["strs"]["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header["strs"]["msgstr"]
    assert "charset=UTF-8" in header["strs"]["msgstr"]

    messages = [e for e in entries if e["msgid"]]
    assert len(messages) > 200
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
    for entry in messages:
        if "msgid_plural" in entry:
            assert set(entry["strs"]) == {"msgstr[0]", "msgstr[1]"}, entry["msgid"]
        else:
            assert set(entry["strs"]) == {"msgstr"}, entry["msgid"]
        for translated in entry["strs"].values():
            assert translated.strip(), f"untranslated: {entry['msgid']!r}"
            assert sorted(_PLACEHOLDER.findall(translated)) == sorted(
                set(_PLACEHOLDER.findall(entry["msgid"]))
            ), entry["msgid"]


def test_compiled_catalog_matches_the_po():
    """The committed .mo carries every translation of the .po (recompile after editing it)."""
    with MO_FILE.open("rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    for entry in _po_entries(PO_FILE):
        if not entry["msgid"]:
            continue
        if "msgid_plural" in entry:
            plural = entry["msgid_plural"]
            assert compiled.ngettext(entry["msgid"], plural, 1) == entry["strs"]["msgstr[0]"]
            assert compiled.ngettext(entry["msgid"], plural, 2) == entry["strs"]["msgstr[1]"]
        elif "msgctxt" in entry:
            assert compiled.pgettext(entry["msgctxt"], entry["msgid"]) == entry["strs"]["msgstr"]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["strs"]["msgstr"]


@pytest.mark.parametrize(
    ("msgid", "english"),
    [
        ("Dasbor", "Dashboard"),
        ("Keluar", "Log out"),
        ("Masuk", "Log in"),
        ("Kelola", "Manage"),
        ("Surel", "Email"),
        ("Tim Evaluasi", "Evaluation Team"),
        ("Admin Hub JIPP", "JIPP Hub Admin"),
    ],
)
def test_glossary_terms(msgid, english):
    with MO_FILE.open("rb") as fp:
        assert gettext.GNUTranslations(fp).gettext(msgid) == english
