"""The clinical safety case holds: every hazard's controls name tests that exist, the ratings
follow DCB0129's matrix, and the controls that are checks of content or pages are here."""

import ast
import re
from pathlib import Path

from django.utils.html import escape

import pytest
import yaml

from scoring_practice import startback

ROOT = Path(__file__).resolve().parent.parent
SAFETY = ROOT / "docs" / "clinical-safety"
LOG = yaml.safe_load((SAFETY / "hazard-log.yaml").read_text(encoding="utf-8"))

SEVERITIES = ["minor", "significant", "considerable", "major", "catastrophic"]
LIKELIHOODS = ["very low", "low", "medium", "high", "very high"]
# DCB0129's risk matrix: likelihood (rows) by severity (columns), 1 acceptable to 5 unacceptable.
MATRIX = {
    "very high": [3, 4, 4, 5, 5],
    "high": [2, 3, 3, 4, 5],
    "medium": [2, 2, 3, 3, 4],
    "low": [1, 2, 2, 3, 4],
    "very low": [1, 1, 2, 2, 3],
}
# The hazards the safety case must cover (the issue that asked for it names them).
REQUIRED = {
    "H01": "cord compression",
    "H02": "cauda equina",
    "H03": "weakness",
    "H04": "wrong score",
    "H05": "mistake",
    "H06": "review",
    "H07": "wrong place",
    "H08": "red-flag screening",
}


def rating(assessment: dict) -> int:
    return MATRIX[assessment["likelihood"]][SEVERITIES.index(assessment["severity"])]


def _defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    names.add(f"{node.name}::{member.name}")
    return names


def test_every_hazard_is_complete_and_rated_on_the_matrix():
    hazards = LOG["hazards"]
    assert len({h["id"] for h in hazards}) == len(hazards)
    for hazard in hazards:
        for field in ("id", "title", "cause", "effect", "initial", "controls", "residual"):
            assert hazard.get(field), f"{hazard.get('id')}: no {field}"
        for stage in ("initial", "residual"):
            assert hazard[stage]["severity"] in SEVERITIES, hazard["id"]
            assert hazard[stage]["likelihood"] in LIKELIHOODS, hazard["id"]
        # The controls may lower the likelihood, never raise the risk.
        assert rating(hazard["residual"]) <= rating(hazard["initial"]), hazard["id"]
        # What remains is acceptable or tolerable with the controls in place (3 or less).
        assert rating(hazard["residual"]) <= 3, hazard["id"]


def test_the_hazards_the_safety_case_needs_are_logged():
    titles = {h["id"]: f"{h['title']} {h['cause']} {h['effect']}".lower() for h in LOG["hazards"]}
    for hazard_id, words in REQUIRED.items():
        assert words in titles.get(hazard_id, ""), hazard_id


def test_every_control_names_tests_and_every_test_named_exists():
    for hazard in LOG["hazards"]:
        for control in hazard["controls"]:
            assert control.get("control"), hazard["id"]
            assert control.get("tests"), f"{hazard['id']}: a control without a test"
            for node_id in control["tests"]:
                path, _, name = node_id.partition("::")
                file = ROOT / path
                assert file.is_file(), f"{hazard['id']}: {path} does not exist"
                assert re.sub(r"\[.*\]$", "", name) in _defined_tests(file), (
                    f"{hazard['id']}: no test {node_id}"
                )


def test_the_safety_case_report_covers_every_hazard_and_awaits_the_clinical_safety_officer():
    report = (SAFETY / "safety-case-report.md").read_text(encoding="utf-8")
    for hazard in LOG["hazards"]:
        assert hazard["id"] in report, hazard["id"]
    assert "clinical safety officer" in report.lower()
    # The report's table gives the ratings the log's assessments do.
    rows = {
        hazard_id: (int(before), int(after))
        for hazard_id, before, after in re.findall(
            r"^\| (H\d+) \|[^|]*\| (\d) \| (\d) \|$", report, re.M
        )
    }
    assert rows == {h["id"]: (rating(h["initial"]), rating(h["residual"])) for h in LOG["hazards"]}
    assert (SAFETY / "intended-purpose.md").is_file()


# --- Controls that are checks of what the site teaches ----------------------------------------

CONTENT_DIRS = [ROOT / "courses" / "content", ROOT / "scoring_practice" / "content"]
IMMEDIATE_TERMS = re.compile(
    r"cauda equina|\bCES\b|cord compression|\bMSCC\b|foot drop|worsening weakness", re.I
)
LATER = re.compile(r"same[- ]day|the same day|later today|\b2-week|\btwo-week", re.I)
NEGATED = re.compile(
    r"\b(never|not|no longer|rather than)\b[^.]{0,40}(same[- ]day|later today|2-week|two-week)",
    re.I,
)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _sentences():
    for directory in CONTENT_DIRS:
        for path in sorted(directory.rglob("*.yaml")):
            for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
                for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
                    yield path.relative_to(ROOT), sentence


def test_no_content_sends_an_immediate_emergency_later():
    """No sentence of a lesson, quiz or vignette puts cauda equina syndrome, cord compression or
    a worsening deficit with "the same day", "later today" or a "2-week" pathway, unless it says
    never or not."""
    offending = [
        f"{path}: {sentence.strip()}"
        for path, sentence in _sentences()
        if IMMEDIATE_TERMS.search(sentence)
        and LATER.search(sentence)
        and not NEGATED.search(sentence)
    ]
    assert offending == []


@pytest.mark.django_db
def test_the_calculator_asks_for_red_flag_screening_before_and_after(client, home):
    answers = {f"item_{n}": "disagree" for n in range(1, 9)} | {"item_9": "slightly"}
    for page in (client.get("/tool/").text, client.post("/tool/", answers).text):
        assert "Screen for red flags first" in page
        assert "a scoring aid beside your clinical judgement" in page
        for flag in startback.RED_FLAGS:
            assert escape(startback.RED_FLAG_IN_WORDS[flag.key]) in page, flag.key
