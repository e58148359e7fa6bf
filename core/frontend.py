"""The NHS.UK frontend's stylesheet, as this site serves it: without the web font from another host.

The design system's compiled stylesheet declares its typeface (Frutiger) with `@font-face` rules
pointing at assets.nhs.uk. Under the site's content security policy a browser refuses those
fonts, yet Chrome still attempts them and logs a violation on every page; and without the policy
every page would contact a host the privacy notice does not name. The site therefore serves a copy
of the stylesheet with those rules taken out and falls back to Arial, as the design system itself
does when the font is unavailable. `python manage.py nhsuk_stylesheet` writes the copy; a test
checks it matches the installed package, so an upgrade cannot leave it stale.
"""

import re
from pathlib import Path

import wagtailnhsukfrontend

PACKAGE_STATIC = Path(wagtailnhsukfrontend.__file__).parent / "static"
PACKAGE_CSS_DIR = PACKAGE_STATIC / "wagtailnhsukfrontend" / "css"
SITE_STYLESHEET = Path(__file__).parent / "static" / "core" / "nhsuk-frontend.min.css"

# An @font-face rule whose source is fetched from an absolute address (another host).
REMOTE_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*url\(\s*[\"']?https?://[^}]*\}")
CHARSET_RULE = re.compile(r'@charset "[^"]*";')
SOURCE_MAP_COMMENT = re.compile(r"\s*/\*# sourceMappingURL=[^*]*\*/\s*$")


def package_stylesheet() -> Path:
    """The compiled stylesheet shipped with the installed wagtail-nhsuk-frontend."""
    (path,) = sorted(PACKAGE_CSS_DIR.glob("nhsuk-frontend-*.min.css"))
    return path


def without_remote_fonts(css: str) -> str:
    """The stylesheet minus its remote `@font-face` rules and its (unshipped) source-map comment."""
    css = REMOTE_FONT_FACE.sub("", css)
    return SOURCE_MAP_COMMENT.sub("\n", css)


def site_stylesheet_text() -> str:
    """What the site's copy of the stylesheet should contain, given the installed package."""
    source = package_stylesheet()
    css = without_remote_fonts(source.read_text(encoding="utf-8"))
    charset = CHARSET_RULE.match(css)
    head, body = (charset.group(0), css[charset.end() :]) if charset else ("", css)
    note = (
        f"/* {source.name} from wagtail-nhsuk-frontend (MIT licence), "
        "without its remote web font. */\n"
    )
    # @charset must stay the very first thing in the file, so the note follows it.
    return f"{head}\n{note}{body}" if head else note + body
