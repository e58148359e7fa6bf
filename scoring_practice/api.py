"""The STarT Back JSON API: score a completed questionnaire, or read the instrument itself.

Stateless and public, like the calculator. Validation messages name the item that is wrong, in
the same words the core and the calculator use.
"""

from dataclasses import asdict
from typing import Annotated, Any, Literal

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError
from ninja.throttling import AnonRateThrottle
from pydantic import ConfigDict, create_model

from scoring_practice import startback

# A completed questionnaire is about 200 bytes of JSON; anything far larger is not one, and is
# refused before it is read, let alone parsed.
API_MAX_BODY_BYTES = 4096
# At most this many problems in one reply, whatever was sent.
MAX_PROBLEMS = 12
# Unknown keys are named together, a few of them, in one problem.
UNKNOWN_KEYS_SHOWN = 5


class ApiRateThrottle(AnonRateThrottle):
    """A limit per client address on every API request, read from `API_RATE_LIMIT` ("120/m";
    "off" switches it off, for load tests). Refused requests get 429 with Retry-After."""

    def __init__(self) -> None:
        super().__init__(rate="1/s")  # replaced by the setting on each request

    def allow_request(self, request: HttpRequest) -> bool:
        rate = settings.API_RATE_LIMIT.strip().lower()
        if rate in ("", "off"):
            return True
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)


api = NinjaAPI(
    title="STarT Back API",
    version="1",
    description=(
        "Scores the Keele STarT Back Screening Tool and returns the matched treatment. "
        f"{startback.STATEMENT} {startback.LICENCE_NOTE}"
    ),
    urls_namespace="api-v1",
    throttle=[ApiRateThrottle()],
)


def _answer_field(item: startback.Item) -> tuple[Any, Any]:
    values = tuple(option.value for option in item.options)
    return (
        Literal[values],  # type: ignore[valid-type]
        Field(..., alias=item.key, description=f"{item.number}. {item.text}"),
    )


Answers = create_model(
    "Answers",
    __config__=ConfigDict(extra="forbid", populate_by_name=False),
    **{f"item_{item.number}": _answer_field(item) for item in startback.ITEMS},
)


class ScoreRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    answers: Annotated[
        Answers,  # type: ignore[valid-type]
        Field(
            description='Keys "1" to "9". Items 1–8: "agree" or "disagree". Item 9: '
            '"not_at_all", "slightly", "moderately", "very_much" or "extremely".',
            examples=[
                {
                    **{str(n): "agree" if n in (1, 3, 5) else "disagree" for n in range(1, 9)},
                    "9": "very_much",
                }
            ],
        ),
    ]


class Treatment(Schema):
    risk: startback.RiskGroup
    title: str
    summary: str
    involves: list[str]
    delivered_by: str
    care_for_everyone: list[str]


class ScoreResponse(Schema):
    total: int = Field(..., ge=0, le=9, description="Items 1–9 summed")
    psychosocial: int = Field(..., ge=0, le=5, description="Items 5–9 summed")
    risk: startback.RiskGroup
    item_scores: dict[str, int]
    drivers: list[str]
    matched_treatment: Treatment
    copyright: str


class Option(Schema):
    value: str
    label: str
    scores: int


class Item(Schema):
    number: int
    domain: str
    text: str
    psychosocial: bool
    options: list[Option]


class Instrument(Schema):
    name: str
    preamble: str
    items: list[Item]
    scoring: list[str]
    copyright: str
    licence: str
    source: str


class Problem(Schema):
    item: int | None
    msg: str
    loc: list[str | int]


class Problems(Schema):
    detail: list[Problem]


class Message(Schema):
    detail: str


SCORING_RULES = [
    "Each item scores 1 for agree (items 1–8) or for very much or extremely (item 9); otherwise 0.",
    "Total score: items 1–9 summed (0–9). Psychosocial subscale: items 5–9 summed (0–5).",
    "Psychosocial subscale 4 or more: high risk.",
    "Otherwise, total 3 or less: low risk.",
    "Otherwise: medium risk.",
]
MESSAGE_NOT_AN_OBJECT = 'Send a JSON object: {"answers": {"1": "agree", …, "9": "very_much"}}'
MESSAGE_ANSWERS_NOT_AN_OBJECT = '"answers" must be an object whose keys are the items "1" to "9"'
MESSAGE_TOO_LARGE = "The request body is too large for a completed questionnaire"
MESSAGE_UNEXPECTED_FIELD = 'Unexpected field "{name}"; the request has only "answers"'
MESSAGE_UNKNOWN_KEYS = '{keys} in "answers" {verb} not items of the tool, which has items 1 to 9'
MESSAGE_THROTTLED = "Too many requests from this address; try again shortly"


def _problem(error: dict) -> dict:
    """One pydantic error in the words the calculator uses, naming the item where there is one."""
    loc = [part for part in error.get("loc", ()) if part not in ("body", "payload")]
    kind = error.get("type", "")
    if loc[:1] == ["answers"] and len(loc) >= 2:
        key = str(loc[1])
        number = startback.item_number(key)
        if number is None:
            return {"item": None, "loc": loc, "msg": startback.MESSAGE_UNKNOWN.format(key=key)}
        if kind == "missing":
            message = startback.MESSAGE_MISSING.format(number=number)
        else:
            message = startback.invalid_answer_message(startback.item(number))
        return {"item": number, "loc": loc, "msg": message}
    if loc == ["answers"]:
        if kind == "missing":
            return {"item": None, "loc": loc, "msg": MESSAGE_NOT_AN_OBJECT}
        return {"item": None, "loc": loc, "msg": MESSAGE_ANSWERS_NOT_AN_OBJECT}
    if loc and kind == "extra_forbidden":
        return {"item": None, "loc": loc, "msg": MESSAGE_UNEXPECTED_FIELD.format(name=loc[0])}
    return {"item": None, "loc": loc, "msg": MESSAGE_NOT_AN_OBJECT}


class BodyLimitMiddleware:
    """Refuses an API request whose declared body is larger than a questionnaire could be, with
    413, before Django reads it (the site's own limit, 2.5 MB, is far too generous here)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = API_MAX_BODY_BYTES + 1
            if length > API_MAX_BODY_BYTES:
                return JsonResponse({"detail": MESSAGE_TOO_LARGE}, status=413)
        return self.get_response(request)


def _quoted(keys: list[str]) -> str:
    shown = ", ".join(f'"{key[:20]}"' for key in keys[:UNKNOWN_KEYS_SHOWN])
    more = len(keys) - UNKNOWN_KEYS_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


@api.exception_handler(RequestDataTooBig)
def body_too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": MESSAGE_TOO_LARGE}, status=413)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Errors in the API's own words: an unreadable body says what to send, never how the
    parser failed; too many requests say so."""
    if exc.status_code == 400:
        message = MESSAGE_NOT_AN_OBJECT
    elif exc.status_code == 429:
        message = MESSAGE_THROTTLED
    else:
        message = str(exc)
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Problems item by item; keys that are not items are named together in one problem, and
    no reply lists more than `MAX_PROBLEMS`, whatever was sent."""
    problems: list[dict] = []
    unknown: list[dict] = []
    for error in exc.errors:
        problem = _problem(error)
        under_answers = problem["loc"][:1] == ["answers"] and len(problem["loc"]) > 1
        (unknown if problem["item"] is None and under_answers else problems).append(problem)
    if len(unknown) == 1:
        problems += unknown
    elif unknown:
        keys = [str(problem["loc"][1]) for problem in unknown]
        message = MESSAGE_UNKNOWN_KEYS.format(keys=_quoted(keys), verb="are")
        problems.append({"item": None, "loc": ["answers"], "msg": message})
    problems.sort(key=lambda problem: (problem["item"] is None, problem["item"] or 0))
    return api.create_response(request, {"detail": problems[:MAX_PROBLEMS]}, status=422)


@api.post(
    "/startback/score",
    response={200: ScoreResponse, 400: Message, 413: Message, 422: Problems},
    summary="Score a completed questionnaire",
    tags=["STarT Back"],
)
def score(request: HttpRequest, payload: ScoreRequest):
    result = startback.score(payload.answers.model_dump(by_alias=True))
    treatment = startback.matched_treatment(result.risk)
    return {
        "total": result.total,
        "psychosocial": result.psychosocial,
        "risk": result.risk,
        "item_scores": {
            str(number): points
            for number, points in zip(startback.ITEM_NUMBERS, result.item_scores, strict=True)
        },
        "drivers": startback.explain(result),
        "matched_treatment": {
            **asdict(treatment),
            "care_for_everyone": startback.CARE_FOR_EVERYONE,
        },
        "copyright": startback.STATEMENT,
    }


@api.get(
    "/startback/instrument",
    response=Instrument,
    summary="The tool's items, answer options and copyright",
    tags=["STarT Back"],
)
def instrument(request: HttpRequest):
    return {
        "name": "Keele STarT Back Screening Tool",
        "preamble": startback.PREAMBLE,
        "items": [
            {
                "number": item.number,
                "domain": item.construct,
                "text": item.text,
                "psychosocial": item.psychosocial,
                "options": [asdict(option) for option in item.options],
            }
            for item in startback.ITEMS
        ],
        "scoring": SCORING_RULES,
        "copyright": startback.STATEMENT,
        "licence": startback.LICENCE_NOTE,
        "source": startback.SOURCE_URL,
    }
