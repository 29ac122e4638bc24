"""Subset Bootstrap Icons to the icons the portal uses (`make icons`).

The full font is 134 KB for about 2,000 icons; the portal shows a few dozen. This script
reads every `bi-<name>` in templates/, static/js/ and the apps, keeps those rules of the
full stylesheet (tools/bootstrap-icons/) and the matching glyphs of the full
font, and writes static/vendor/bootstrap-icons/bootstrap-icons.min.css and fonts/. Run it
again after using a new icon (the test tests/hubs/test_icons.py says which are missing).
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "static" / "vendor" / "bootstrap-icons"
# The full stylesheet and font, kept out of static/ (never served).
FULL = ROOT / "tools" / "bootstrap-icons"
SOURCES = ("templates", "static/js", "hubs", "kipp", "judging", "public", "replication")
USE = re.compile(r"\bbi-([a-z0-9]+(?:-[a-z0-9]+)*)")
RULE = re.compile(r'\.bi-([a-z0-9-]+)::before\{content:"\\([0-9a-f]+)"\}')


def icons_used() -> set[str]:
    used = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".js", ".py"} and "migrations" not in path.parts:
                used.update(USE.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return used


def main() -> int:
    from fontTools import subset

    css = (FULL / "bootstrap-icons.min.css").read_text(encoding="utf-8")
    glyphs = dict(RULE.findall(css))
    used = sorted(name for name in icons_used() if name in glyphs)
    head = css[: css.index(".bi-123::before")]
    head = head.replace("fonts/bootstrap-icons.woff2?", "fonts/bootstrap-icons-subset.woff2?")
    head = re.sub(r',url\("fonts/bootstrap-icons\.woff\?[^"]*"\) format\("woff"\)', "", head)
    rules = "".join(f'.bi-{name}::before{{content:"\\{glyphs[name]}"}}' for name in used)
    (VENDOR / "bootstrap-icons.min.css").write_text(head + rules + "\n", encoding="utf-8")
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    font = subset.load_font(str(FULL / "bootstrap-icons.woff2"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[int(glyphs[name], 16) for name in used])
    subsetter.subset(font)
    subset.save_font(font, str(VENDOR / "fonts" / "bootstrap-icons-subset.woff2"), options)
    print(f"{len(used)} icons kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
