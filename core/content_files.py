"""Reading authored content from data files: YAML for structure, Markdown for prose.

The course and the case vignettes are kept as files a clinician can read and review in a diff
(`courses/content/`, `scoring_practice/content/`). Their loaders read them through `Node`, which
knows which file and which field a value came from, so every mistake is reported as, say,
"courses/content/…/quiz.yaml: questions[3].options: Mark exactly one option as correct."
Nothing here touches the database.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

from core.sanitise import sanitise_rich

# Paths in messages are shown from here (the project's root), so they read the same everywhere.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ContentError(Exception):
    """A content file that cannot be loaded: says which file, which field and what is wrong."""

    def __init__(self, path: Path, where: str, message: str):
        self.path = path
        self.where = where
        self.message = message
        super().__init__(f"{display_path(path)}: {where + ': ' if where else ''}{message}")


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug_check(node: Node, slug: str) -> str:
    """A file or folder name used as a page's address: lower case, digits and hyphens."""
    if not SLUG.match(slug) or len(slug) > 255:
        raise node.error(
            f"“{slug}” cannot be an address: use lower-case letters, digits and hyphens"
        )
    return slug


def markdown_html(text: str) -> str:
    """Markdown prose as the rich-text HTML Wagtail stores, kept to the site's allowed tags."""
    return sanitise_rich(markdown.markdown(text.strip()))


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a field written twice (plain YAML keeps the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"“{key}” is written twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Node:
    """The parsed file, as a `Node` that reports mistakes against this file."""
    if not path.is_file():
        raise ContentError(path, "", "the file is missing")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except yaml.YAMLError as error:
        raise ContentError(path, "", f"not valid YAML ({error})") from error
    except UnicodeDecodeError as error:
        raise ContentError(path, "", "not UTF-8 text") from error
    return Node(path=path, where="", value=data)


@dataclass(frozen=True)
class Node:
    """A value read from a content file, with where it came from."""

    path: Path
    where: str
    value: Any

    def error(self, message: str) -> ContentError:
        return ContentError(self.path, self.where, message)

    def _child_where(self, key: str | int) -> str:
        if isinstance(self.value, list):
            return f"{self.where}[{key}]"
        return f"{self.where}.{key}" if self.where else str(key)

    def mapping(self) -> dict[Any, Any]:
        if not isinstance(self.value, dict):
            raise self.error("expected a set of named fields")
        return self.value

    def has(self, key: str) -> bool:
        return key in self.mapping()

    def child(self, key: str | int, *, required: bool = True) -> Node:
        """A list's item by position, or a mapping's field by name (or number, e.g. an item)."""
        if isinstance(self.value, list) and isinstance(key, int):
            return Node(self.path, self._child_where(key), self.value[key])
        fields = self.mapping()
        if key not in fields and required:
            raise self.error(f"“{key}” is missing")
        return Node(self.path, self._child_where(key), fields.get(key))

    def items(self) -> Iterator[Node]:
        for index, _ in enumerate(self.list_value()):
            yield self.child(index)

    def list_value(self) -> list[Any]:
        if not isinstance(self.value, list):
            raise self.error("expected a list")
        return self.value

    def only_keys(self, *allowed: str) -> None:
        """Refuse a field the loader does not know (usually a misspelling)."""
        unknown = sorted(str(key) for key in self.mapping() if key not in allowed)
        if unknown:
            raise self.error(
                f"unknown field “{unknown[0]}” (expected {', '.join(sorted(allowed))})"
            )

    def text(self, key: str, *, required: bool = True, max_length: int | None = None) -> str:
        node = self.child(key, required=required)
        if node.value is None:
            if required:
                raise node.error("must not be empty")
            return ""
        # Whole numbers read as text (a title "2024"); true/false, decimals and nulls do not, since
        # YAML would have turned what was written ("No", "1.10", "~") into something else.
        if isinstance(node.value, bool) or not isinstance(node.value, str | int):
            raise node.error("expected text (put it in quotes)")
        value = str(node.value).strip()
        if required and not value:
            raise node.error("must not be empty")
        if max_length is not None and len(value) > max_length:
            raise node.error(f"is {len(value)} characters long; at most {max_length} fit")
        return value

    def number(self, key: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        node = self.child(key)
        if isinstance(node.value, bool) or not isinstance(node.value, int):
            raise node.error("expected a whole number")
        if minimum is not None and node.value < minimum:
            raise node.error(f"must be at least {minimum}")
        if maximum is not None and node.value > maximum:
            raise node.error(f"must be at most {maximum}")
        return node.value

    def flag(self, key: str, *, default: bool) -> bool:
        node = self.child(key, required=False)
        if node.value is None:
            return default
        if not isinstance(node.value, bool):
            raise node.error("expected true or false")
        return node.value

    def date(self, key: str) -> datetime.date:
        node = self.child(key)
        if isinstance(node.value, datetime.datetime) or not isinstance(node.value, datetime.date):
            raise node.error("expected a date written 2026-11-30")
        return node.value

    def review(self, key: str = "review") -> dict[str, Any]:
        """A clinical review record, `{by, date, next}`, as a page's review fields (or none)."""
        if not self.has(key):
            return {}
        node = self.child(key)
        node.only_keys("by", "date", "next")
        reviewed_on, next_due = node.date("date"), node.date("next")
        if next_due <= reviewed_on:
            raise node.child("next").error("the next review must be due after the last one")
        return {
            "reviewed_by": node.text("by", max_length=200),
            "reviewed_on": reviewed_on,
            "next_review_due": next_due,
        }

    def choice(self, key: str, choices: list[str] | tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            raise self.child(key).error(f"“{value}” is not one of {', '.join(choices)}")
        return value

    def texts(self, key: str, *, max_length: int | None = None) -> list[str]:
        node = self.child(key)
        values = []
        for item in node.items():
            if isinstance(item.value, bool) or not isinstance(item.value, str | int):
                raise item.error("expected text (put it in quotes)")
            value = str(item.value).strip()
            if not value:
                raise item.error("must not be empty")
            if max_length is not None and len(value) > max_length:
                raise item.error(f"is {len(value)} characters long; at most {max_length} fit")
            values.append(value)
        return values

    def prose(self, key: str, *, required: bool = True) -> str:
        """Markdown prose, as rich-text HTML."""
        text = self.text(key, required=required)
        return markdown_html(text) if text else ""
