"""Worked examples: completed questionnaires the course works through, scored by the tool itself.

An example is read from the course's `examples.yaml` with the result its text states (total,
subscale, risk group); `example_read` refuses one whose answers score otherwise. The lesson blocks
and quiz questions built from an example (its answers table, "show the scoring", "which risk
group?") take every figure from the scoring core, so what the course states cannot drift from
what the tool gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape

from core.content_files import Node
from scoring_practice import startback

Block = tuple[str, Any]
RISK_OPTIONS = ("low", "medium", "high")

# What each item is about, for tables of answers (the wording itself is in startback.ITEMS).
ITEM_TOPICS = {
    1: "Pain spreading down the leg",
    2: "Shoulder or neck pain",
    3: "Walking only short distances",
    4: "Dressing more slowly",
    5: "Not safe to be active",
    6: "Worrying thoughts",
    7: "Pain terrible, never better",
    8: "Not enjoying things",
    9: "How bothersome",
}

MESSAGE_EXAMPLE_DISAGREES = (
    "states total {total}, subscale {subscale}, {risk} risk, but its answers score total "
    "{true_total}, subscale {true_subscale}, {true_risk} risk"
)


@dataclass(frozen=True)
class WorkedExample:
    """A completed questionnaire and the result the course text states for it."""

    key: str
    title: str
    story: str
    answers: Mapping[int, str]
    total: int
    psychosocial: int
    risk: str  # "low", "medium" or "high"


def example_read(key: str, node: Node) -> WorkedExample:
    """One example from `examples.yaml`; refused if its answers do not score as it states."""
    node.only_keys("title", "story", "answers", "states")
    answers_node = node.child("answers")
    answers_node.only_keys("agree", "item_9")
    agree = answers_node.child("agree").list_value()
    if any(not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 8 for n in agree):
        raise answers_node.child("agree").error("list the items 1 to 8 answered Agree")
    item_9 = answers_node.choice("item_9", [o.value for o in startback.Bothersomeness])
    agreement = startback.Agreement
    answers: dict[int, str] = {
        number: (agreement.AGREE if number in agree else agreement.DISAGREE).value
        for number in range(1, 9)
    }
    answers[9] = item_9
    states = node.child("states")
    states.only_keys("total", "subscale", "risk")
    example = WorkedExample(
        key=key,
        title=node.text("title"),
        story=node.text("story", required=False),
        answers=answers,
        total=states.number("total", minimum=0, maximum=9),
        psychosocial=states.number("subscale", minimum=0, maximum=5),
        risk=states.choice("risk", RISK_OPTIONS),
    )
    result = startback.score(example.answers)
    if (result.total, result.psychosocial, result.risk.value) != (
        example.total,
        example.psychosocial,
        example.risk,
    ):
        raise states.error(
            MESSAGE_EXAMPLE_DISAGREES.format(
                total=example.total,
                subscale=example.psychosocial,
                risk=example.risk,
                true_total=result.total,
                true_subscale=result.psychosocial,
                true_risk=result.risk.value,
            )
        )
    return example


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def answer_label(number: int, value: str) -> str:
    option = startback.item(number).option(value)
    if option is None:  # example_read accepts only the tool's own answers
        raise ValueError(f"{value!r} is not an answer to item {number}")
    return option.label


def and_list(numbers: list[int]) -> str:
    """[1, 4, 7] → "1, 4 and 7"."""
    if not numbers:
        return "none"
    if len(numbers) == 1:
        return str(numbers[0])
    return ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def scoring_items(example: WorkedExample) -> list[int]:
    """The items whose answer scores 1, as the tool scores them."""
    return list(startback.score(example.answers).scoring_items)


def answers_sentence(example: WorkedExample) -> str:
    """The answers in one sentence, for question stems."""
    agreed = [n for n in range(1, 9) if example.answers[n] == startback.Agreement.AGREE]
    item_9 = answer_label(9, example.answers[9])
    if not agreed:
        return f"'Disagree' to items 1 to 8, and '{item_9}' to item 9."
    rest = "" if len(agreed) == 8 else "; 'Disagree' to the others from 1 to 8"
    noun = "item" if len(agreed) == 1 else "items"
    return f"'Agree' to {noun} {and_list(agreed)}{rest}; '{item_9}' to item 9."


def result_sentence(example: WorkedExample) -> str:
    """Why the stated result follows, in the order the rules are applied."""
    total, sub = example.total, example.psychosocial
    if example.risk == "high":
        return (
            f"The psychosocial subscale is {sub} of 5. A subscale of 4 or more means high risk, "
            f"whatever the total (here {total})."
        )
    if example.risk == "low":
        return (
            f"The subscale is {sub}, below 4, and the total is {total} of 9. A total of 3 or "
            "less means low risk."
        )
    return (
        f"The subscale is {sub}, below 4, so this is not high risk. The total is {total} of 9, "
        "which is 4 or more, so the risk group is medium."
    )


def example_blocks(example: WorkedExample) -> list[Block]:
    """A worked example: the story, the answers as a table, and the scoring behind a reveal."""
    blocks: list[Block] = [("heading", {"text": example.title, "level": "h2"})]
    if example.story:
        blocks.append(("paragraph", _p(example.story)))
    blocks.append(
        (
            "table",
            {
                "caption": f"{example.title.split(':')[-1].strip()}: answers",
                "caption_size": "s",
                "head": [{"text": text} for text in ("Item", "About", "Answer")],
                "rows": [
                    {
                        "cells": [
                            {"text": text}
                            for text in (
                                str(n),
                                ITEM_TOPICS[n],
                                answer_label(n, example.answers[n]),
                            )
                        ]
                    }
                    for n in range(1, 10)
                ],
                "first_cell_is_header": True,
            },
        )
    )
    rows = [
        ("Items scoring 1", and_list(scoring_items(example))),
        ("Total", f"{example.total} of 9"),
        ("Psychosocial subscale (items 5 to 9)", f"{example.psychosocial} of 5"),
        ("Risk group", f"{example.risk.capitalize()} risk"),
    ]
    blocks.append(
        (
            "details",
            {
                "title": "Show the scoring",
                "body": [
                    (
                        "summary_list",
                        {
                            "rows": [{"key": key, "value": _p(value)} for key, value in rows],
                            "no_border": False,
                        },
                    ),
                    ("richtext", _p(result_sentence(example))),
                ],
            },
        )
    )
    return blocks


def risk_check_block(
    example: WorkedExample, *, question: str, feedback: Mapping[str, str]
) -> Block:
    """A "check your understanding" block asking for an example's risk group."""
    return (
        "check_understanding",
        {
            "question": question,
            "options": [
                {
                    "text": f"{risk.capitalize()} risk",
                    "correct": risk == example.risk,
                    "feedback": feedback.get(risk, ""),
                }
                for risk in RISK_OPTIONS
            ],
            "explanation": _p(result_sentence(example)),
        },
    )
