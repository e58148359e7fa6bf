"""Sanitising HTML before it is shown, with bleach.

`sanitise_rich` keeps the handful of tags body text needs (paragraphs, headings, emphasis, lists,
links). Link targets are limited to web, mail and telephone addresses and same-site paths, so
`javascript:` links cannot survive.
"""

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
