"""The case vignettes' content files, read, checked and loaded as pages under /practice/.

`scoring_practice/content/vignettes.yaml` lists the cases in the order the practice list shows
them; each is one file, `scoring_practice/content/vignettes/<slug>.yaml` (see the folder's
README). `vignettes_read` checks every file without touching the database and raises
`ContentError` naming the file and field of the first problem: an unknown mode, an answer the tool
does not have, a stated risk group the answers do not score to, a treatment that is not the matched
one, a red-flag case that is not referred. The check made before a vignette is published
(`reference_problems`) runs on every file too. `vignettes_load` then creates and publishes each
vignette missing from /practice/, leaving existing ones exactly as editors made them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.html import escape

from core.content_files import ContentError, Node, read_yaml
from scoring_practice import startback
from scoring_practice.blocks import questionnaire_answers
from scoring_practice.choices import (
    DESTINATION_CHOICES,
    REFERRAL,
    REFERRAL_URGENCY_CHOICES,
    Difficulty,
    ProfessionFocus,
    VignetteMode,
)
from scoring_practice.models import VignettePage
from scoring_practice.reference import RED_FLAG_KEYS, Reference, reference_problems
from scoring_practice.sections import practice_section_ensure

CONTENT_DIR = Path(__file__).resolve().parent / "content"
STORY_PARTS = ("narrative", "patient_quote", "examination", "completed_questionnaire")
TREATMENTS = (*(group.value for group in startback.RiskGroup), REFERRAL)


@dataclass(frozen=True)
class VignetteContent:
    """One case, as its file gives it (already checked)."""

    slug: str
    title: str
    patient_name: str
    age: int
    occupation: str
    presentation: str
    difficulty: str
    focus: str
    mode: str
    story: list[tuple[str, Any]]
    answers: dict[int, str]
    rationales: dict[int, str]
    risk: str
    treatment: str
    treatment_rationale: str
    red_flags: tuple[str, ...]
    red_flag_action: str
    acceptable_red_flags: tuple[str, ...] = ()
    urgency: str = ""
    destination: str = ""
    triage_note: str = ""
    alternatives: dict[int, str] | None = None
    review: dict[str, Any] | None = None

    @property
    def summary(self) -> str:
        """The patient summary line: age, occupation and presentation."""
        return f"{self.age}-year-old {self.occupation}. {self.presentation}"

    def reference(self) -> Reference:
        """The case's question and expected answers, as the page will hold them."""
        return Reference(
            title=self.title,
            mode=self.mode,
            items=self.answers,
            rationales=self.rationales,
            risk="" if self.red_flags else self.risk,
            treatment=self.treatment,
            treatment_rationale=self.treatment_rationale,
            red_flags=self.red_flags,
            red_flag_action=self.red_flag_action,
            acceptable_red_flags=self.acceptable_red_flags,
            red_flag_urgency=self.urgency,
            red_flag_destination=self.destination,
            triage_note=self.triage_note,
            alternatives=self.alternatives or {},
            questionnaires=tuple(
                questionnaire_answers(value)
                for name, value in self.story
                if name == "questionnaire"
            ),
        )

    def page(self) -> VignettePage:
        """An unsaved vignette page holding this case and its reference answers."""
        page = VignettePage(
            title=self.title,
            slug=self.slug,
            patient_age=self.age,
            patient_occupation=self.occupation,
            presentation=self.presentation,
            story=self.story,
            difficulty=self.difficulty,
            profession_focus=self.focus,
            mode=self.mode,
            red_flags=list(self.red_flags),
            acceptable_red_flags=list(self.acceptable_red_flags),
            red_flag_urgency=self.urgency,
            red_flag_destination=self.destination,
            red_flag_action=self.red_flag_action,
            triage_note=self.triage_note,
            **(self.review or {}),
            # A red-flag case is answered by referral, so it carries no reference risk group.
            reference_risk="" if self.red_flags else self.risk,
            reference_treatment=self.treatment,
            reference_treatment_rationale=self.treatment_rationale,
        )
        for number in startback.ITEM_NUMBERS:
            setattr(page, f"reference_item_{number}", self.answers[number])
            setattr(page, f"reference_rationale_{number}", self.rationales[number])
            setattr(
                page, f"reference_alternative_{number}", (self.alternatives or {}).get(number, "")
            )
        return page


def _story_read(node: Node, answers: dict[int, str]) -> list[tuple[str, Any]]:
    # The story is plain text; it is escaped here so the rich-text blocks hold safe HTML.
    story: list[tuple[str, Any]] = []
    for part in node.items():
        if part.value == "completed_questionnaire":
            story.append(("questionnaire", {f"item_{n}": v for n, v in answers.items()}))
            continue
        fields = part.mapping()
        if len(fields) != 1 or next(iter(fields)) not in STORY_PARTS:
            raise part.error(f"expected one story part: {', '.join(STORY_PARTS)}")
        name = next(iter(fields))
        value = part.child(name)
        if name == "narrative":
            paragraphs = Node(value.path, value.where, {"p": value.value}).texts("p")
            story.append(("narrative", "".join(f"<p>{escape(p)}</p>" for p in paragraphs)))
        elif name == "patient_quote":
            value.only_keys("text", "speaker")
            story.append(
                (
                    "patient_quote",
                    {
                        "quote": value.text("text", max_length=1000),
                        "attribution": value.text("speaker", max_length=200),
                    },
                )
            )
        elif name == "examination":
            value.only_keys("heading", "findings")
            findings = "".join(f"<li>{escape(text)}</li>" for text in value.texts("findings"))
            heading = value.text("heading", required=False) or "Examination findings"
            story.append(("examination", {"heading": heading, "findings": f"<ul>{findings}</ul>"}))
        else:
            raise part.error("write `- completed_questionnaire` on its own")
    return story


def _answers_read(node: Node) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    answers, rationales, alternatives = {}, {}, {}
    keys = node.mapping()
    for number in startback.ITEM_NUMBERS:
        if number not in keys:
            raise node.error(f"item {number} has no reference answer")
        entry = node.child(number)
        entry.only_keys("answer", "also", "rationale")
        choices = [option.value for option in startback.item(number).options]
        answers[number] = entry.choice("answer", choices)
        rationales[number] = entry.text("rationale")
        if entry.has("also"):
            alternatives[number] = entry.choice("also", choices)
    extra = sorted(str(key) for key in keys if key not in startback.ITEM_NUMBERS)
    if extra:
        raise node.error(f"“{extra[0]}” is not an item of the tool (items are 1 to 9)")
    return answers, rationales, alternatives


def _keys_read(node: Node, key: str) -> tuple[str, ...]:
    if not node.has(key):
        return ()
    keys = tuple(node.texts(key))
    for flag in keys:
        if flag not in RED_FLAG_KEYS:
            raise node.child(key).error(
                f"“{flag}” is not a red flag (expected one of {', '.join(sorted(RED_FLAG_KEYS))})"
            )
    return keys


def vignette_read(path: Path) -> VignetteContent:
    """One vignette file, checked as the page is checked before it is published."""
    node = read_yaml(path)
    node.only_keys(
        "title",
        "patient",
        "presentation",
        "difficulty",
        "focus",
        "mode",
        "story",
        "reference",
        "review",
    )
    patient = node.child("patient")
    patient.only_keys("name", "age", "occupation")
    reference = node.child("reference")
    reference.only_keys(
        "answers",
        "risk",
        "treatment",
        "treatment_rationale",
        "red_flags",
        "acceptable_red_flags",
        "urgency",
        "destination",
        "red_flag_action",
        "triage_note",
    )
    answers, rationales, alternatives = _answers_read(reference.child("answers"))
    red_flags = _keys_read(reference, "red_flags")
    urgency = destination = ""
    if reference.has("urgency"):
        urgency = reference.choice("urgency", [value for value, _ in REFERRAL_URGENCY_CHOICES])
    if reference.has("destination"):
        destination = reference.choice("destination", [value for value, _ in DESTINATION_CHOICES])
    content = VignetteContent(
        slug=path.stem,
        title=node.text("title", max_length=255),
        patient_name=patient.text("name"),
        age=patient.number("age", minimum=16, maximum=110),
        occupation=patient.text("occupation", max_length=120),
        presentation=node.text("presentation", max_length=500),
        difficulty=node.choice("difficulty", Difficulty.values),
        focus=node.choice("focus", ProfessionFocus.values),
        mode=node.choice("mode", VignetteMode.values),
        story=_story_read(node.child("story"), answers),
        answers=answers,
        rationales=rationales,
        risk=reference.choice("risk", [group.value for group in startback.RiskGroup]),
        treatment=reference.choice("treatment", TREATMENTS),
        treatment_rationale=reference.text("treatment_rationale"),
        red_flags=red_flags,
        red_flag_action=reference.text("red_flag_action", required=False),
        acceptable_red_flags=_keys_read(reference, "acceptable_red_flags"),
        urgency=urgency,
        destination=destination,
        triage_note=reference.text("triage_note", required=False),
        alternatives=alternatives,
        review=node.review(),
    )
    scored = startback.score(content.answers).risk.value
    if scored != content.risk:
        raise reference.child("risk").error(
            f"states {content.risk} risk, but the reference answers score {scored} risk"
        )
    problems = reference_problems(content.reference())
    if problems:
        raise reference.error(" ".join(problems))
    return content


def vignettes_read(directory: Path | None = None) -> list[VignetteContent]:
    """Every vignette listed in `vignettes.yaml`, in order; nothing unlisted, nothing missing."""
    directory = directory or CONTENT_DIR
    index = read_yaml(directory / "vignettes.yaml")
    index.only_keys("vignettes")
    slugs = index.texts("vignettes")
    if len(set(slugs)) != len(slugs):
        raise index.child("vignettes").error("lists the same vignette twice")
    folder = directory / "vignettes"
    unlisted = {path.stem for path in folder.glob("*.yaml")} - set(slugs)
    if unlisted:
        raise index.child("vignettes").error(f"vignettes/{sorted(unlisted)[0]}.yaml is not listed")
    vignettes = [vignette_read(folder / f"{slug}.yaml") for slug in slugs]
    titles = [vignette.title for vignette in vignettes]
    if len(set(titles)) != len(titles):
        raise index.child("vignettes").error("two vignettes have the same title")
    return vignettes


@transaction.atomic
def vignettes_load(*, content: list[VignetteContent] | None = None) -> list[VignettePage]:
    """Create and publish each vignette missing from /practice/; returns those created.

    Vignettes are matched by slug under the practice index; existing ones are not touched.
    Publishing goes through the page's own check as well.
    """
    content = vignettes_read() if content is None else content
    index = practice_section_ensure()
    if index is None:  # no site to put the practice section in yet
        return []
    existing = set(VignettePage.objects.child_of(index).values_list("slug", flat=True))
    created = []
    for vignette in content:
        if vignette.slug in existing:
            continue
        page = vignette.page()
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created


# What a vignette file sets on its page (all of the page type's own fields, and its title).
REFRESHED_FIELDS = (
    "title",
    *(field.attname for field in VignettePage._meta.local_concrete_fields if not field.primary_key),
)


@transaction.atomic
def vignettes_refresh(*, content: list[VignetteContent] | None = None) -> list[VignettePage]:
    """Publish the file's version of each vignette whose file records a later clinical review
    than the live page; returns those refreshed. A page reviewed on or after the file's date is
    left as it is; the version it replaces stays in its revision history."""
    content = vignettes_read() if content is None else content
    index = practice_section_ensure()
    if index is None:
        return []
    pages = {page.slug: page for page in VignettePage.objects.child_of(index)}
    refreshed = []
    for vignette in content:
        page = pages.get(vignette.slug)
        if page is None or not page.reviewed_before(vignette.review):
            continue
        fresh = vignette.page()
        for name in REFRESHED_FIELDS:
            setattr(page, name, getattr(fresh, name))
        page.save_revision().publish()
        refreshed.append(page)
    return refreshed


__all__ = [
    "ContentError",
    "vignette_read",
    "vignettes_load",
    "vignettes_read",
    "vignettes_refresh",
]
