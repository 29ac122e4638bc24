"""Every icon a page names is in the subset icon font (`make icons` rebuilds it)."""

import re
from pathlib import Path

from tools.icons import FULL, VENDOR, icons_used

RULE = re.compile(r"\.bi-([a-z0-9-]+)::before")


def test_every_icon_in_use_is_in_the_subset():
    subset = set(RULE.findall((VENDOR / "bootstrap-icons.min.css").read_text(encoding="utf-8")))
    full = set(RULE.findall((FULL / "bootstrap-icons.min.css").read_text()))

    missing = sorted((icons_used() & full) - subset)

    assert missing == [], f"run `make icons` to add: {missing}"
    assert (VENDOR / "fonts" / "bootstrap-icons-subset.woff2").stat().st_size < 20_000
    assert Path(VENDOR / "fonts" / "bootstrap-icons-subset.woff2").exists()
