"""Sanitising HTML before it is shown, with bleach.

`sanitise_rich` keeps the handful of tags body text needs (paragraphs, headings, emphasis, lists,
links). Link targets are limited to web, mail and telephone addresses and same-site paths, so
`javascript:` links cannot survive.
"""

import re

import bleach

RICH_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a", "blockquote"}
)
RICH_ATTRIBUTES = {"a": ["href", "title", "rel"]}
PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})


def sanitise_rich(html: str) -> str:
    """Keep safe body-text markup; drop every other tag (keeping its text) and every script."""
    return bleach.clean(
        html or "",
        tags=RICH_TAGS,
        attributes=RICH_ATTRIBUTES,
        protocols=PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


DROPPED_WITH_CONTENT = re.compile(
    r"<(script|style|svg|math|template|iframe|object|noscript)\b.*?(</\1\s*>|$)",
    re.IGNORECASE | re.DOTALL,
)
BLOCK_TAG = re.compile(r"<(p|ul|ol)\b", re.IGNORECASE)
BIO_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a"})
BIO_PROTOCOLS = frozenset({"http", "https", "mailto"})


def sanitise_bio(text: str) -> str:
    """A short profile text as safe HTML. Plain text becomes paragraphs (a blank line between
    them); markup keeps only paragraphs, emphasis, lists and web or e-mail links, which are
    marked nofollow. Scripts, event handlers, styles, SVG and `javascript:` links are dropped."""
    text = (text or "").strip()
    # Elements whose content is code, not text, go whole (bleach would keep their text).
    text = DROPPED_WITH_CONTENT.sub("", text)
    if not text:
        return ""
    if not BLOCK_TAG.search(text):
        parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
        text = "".join(f"<p>{part}</p>" for part in parts if part)
    cleaned = bleach.clean(
        text,
        tags=BIO_TAGS,
        attributes={"a": ["href"]},
        protocols=BIO_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return bleach.linkify(cleaned, callbacks=[bleach.callbacks.nofollow], parse_email=True)
