"""Request the site served under production settings, as a visitor's browser and a proxy would.

Usage: probe_production.py BASE_URL MAIL_LOG

BASE_URL is where gunicorn listens (http://127.0.0.1:PORT). Every request carries the headers a
TLS-terminating proxy adds (X-Forwarded-Proto: https, X-Forwarded-For), so the site behaves as it
does behind one: secure cookies, HTTPS redirects, CSRF checks on the origin. MAIL_LOG is the file
gunicorn and the task worker write to; with the console e-mail backend, the sign-up confirmation
and the certificate reminder e-mails land there. PROBE_CERTIFICATE_CODE, if set, names a
certificate expiring in 14 days whose reminder was queued before the probe started.

Only the standard library is used. Each check prints one line; the first failure ends the run with
a non-zero exit status and says what was expected and what came back.
"""

import http.client
import json
import os
import re
import sys
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

CLIENT_ADDRESS = "203.0.113.9"


class ProbeFailed(Exception):
    pass


class Browser:
    """Keeps cookies and follows the site's links the way a browser behind the proxy would."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host = parts.hostname
        self.port = parts.port
        self.public_origin = f"https://{parts.netloc}"
        self.cookies: dict[str, str] = {}

    def request(self, method, path, *, body=None, headers=None, proxied=True, referer=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        sent = {"Host": f"{self.host}:{self.port}", "User-Agent": "production-probe"}
        if proxied:
            sent.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": CLIENT_ADDRESS})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if referer:
            sent["Referer"] = urljoin(self.public_origin, referer)
            sent["Origin"] = self.public_origin
        sent.update(headers or {})
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                cookie = SimpleCookie()
                cookie.load(value)
                for name, morsel in cookie.items():
                    if morsel["max-age"] == "0" or morsel.value == "":
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
        connection.close()
        return response, content.decode("utf-8", errors="replace")

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path, fields, *, referer):
        body = urlencode(fields)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body=body, headers=headers, referer=referer)

    def csrf_token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not match:
            raise ProbeFailed("no CSRF token in the form")
        return match.group(1)


def expect(condition: bool, what: str, detail: str = "") -> None:
    if not condition:
        raise ProbeFailed(f"{what}: {detail}" if detail else what)
    print(f"  ok  {what}")


def expect_page(browser, path, *, contains, status=200):
    response, html = browser.get(path)
    expect(
        response.status == status and contains in html,
        f"GET {path} answers {status} with “{contains}”",
        f"got {response.status}, {len(html)} characters",
    )
    return html


def expect_security_headers(response) -> None:
    """The content security policy names only the site itself; the other headers are present."""
    csp = response.getheader("Content-Security-Policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    expect(
        directives.get("script-src") == ["'self'"] and directives.get("default-src") == ["'self'"],
        "pages carry a Content-Security-Policy allowing scripts from the site only",
        csp or "(no header)",
    )
    sources = {source for values in directives.values() for source in values}
    expect(
        sources <= {"'self'", "'none'"},
        "the Content-Security-Policy names no other host and nothing unsafe",
        ", ".join(sorted(sources - {"'self'", "'none'"})),
    )
    permissions = response.getheader("Permissions-Policy", "")
    expect("camera=()" in permissions, "pages carry a Permissions-Policy", permissions)
    hsts = response.getheader("Strict-Transport-Security", "")
    expect("max-age=" in hsts, "pages carry Strict-Transport-Security", hsts)


def first_link_src(html: str, pattern: str) -> str:
    match = re.search(r'src="(' + pattern + r')"', html)
    if not match:
        raise ProbeFailed(f"no script matching {pattern}")
    return match.group(1)


def first_link(html: str, pattern: str, *, skip=()) -> str:
    for href in re.findall(r'href="(' + pattern + r')"', html):
        if href not in skip:
            return href
    raise ProbeFailed(f"no link matching {pattern}")


def log_find(log_path: str, pattern: str, *, wait_seconds: float = 10) -> str:
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            found = re.findall(pattern, log.read())
        if found:
            return found[-1]
        time.sleep(0.2)
    raise ProbeFailed(f"nothing matching {pattern} in {log_path}")


def probe(base_url: str, log_path: str) -> None:
    visitor = Browser(base_url)

    response, body = visitor.get("/health/", proxied=False)
    expect(
        response.status == 200 and json.loads(body)["status"] == "ok",
        "the health check answers 200 over plain HTTP",
        body,
    )
    response, _ = visitor.get("/", proxied=False)
    expect(
        response.status == 301 and response.getheader("Location", "").startswith("https://"),
        "plain HTTP is redirected to HTTPS",
        f"{response.status} {response.getheader('Location')}",
    )

    response, home = visitor.get("/")
    expect(
        response.status == 200 and "Stratified care for low back pain" in home,
        "GET / answers 200 with the home page",
        f"got {response.status}",
    )
    expect_security_headers(response)
    script = first_link_src(home, r"/static/core/init\.[0-9a-f]{12}\.js")
    _, module = visitor.get(script)
    expect(
        re.search(r'from "[^"]+\.[0-9a-f]{12}\.js"', module) is not None,
        "the page's script imports the hashed NHS.UK frontend",
        module[:200],
    )
    stylesheet = first_link(home, r"/static/core/nhsuk-frontend[^\"]+\.css")
    expect(
        re.search(r"\.[0-9a-f]{12}\.css$", stylesheet) is not None,
        "pages link the hashed stylesheet",
        stylesheet,
    )
    response, _ = visitor.get(stylesheet)
    cache_control = response.getheader("Cache-Control", "")
    expect(
        response.status == 200 and "immutable" in cache_control,
        "the hashed stylesheet is served with a long cache lifetime",
        f"{response.status} {cache_control}",
    )
    response, _ = visitor.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    expect(
        response.getheader("Content-Encoding") == "gzip",
        "the stylesheet is served compressed",
        str(response.getheader("Content-Encoding")),
    )

    training = expect_page(visitor, "/training/", contains="Training")
    course_url = first_link(training, r"/training/[a-z0-9-]+/")
    course = expect_page(visitor, course_url, contains="Modules")
    module_url = first_link(course, re.escape(course_url) + r"[a-z0-9-]+/")
    module = expect_page(visitor, module_url, contains="Lessons")
    lesson_url = first_link(module, re.escape(module_url) + r"[a-z0-9-]+/")
    expect_page(visitor, lesson_url, contains="Sign in")

    practice = expect_page(visitor, "/practice/", contains="Practise scoring")
    vignette_url = first_link(
        practice,
        r"/practice/[a-z0-9-]+/",
        skip={"/practice/drill/", "/practice/history/"},
    )
    expect_page(visitor, vignette_url, contains="STarT Back")

    calculator = expect_page(visitor, "/tool/", contains="STarT Back")
    answers = {f"item_{n}": "agree" for n in range(1, 9)}
    answers["item_9"] = "very_much"
    response, html = visitor.post_form(
        "/tool/",
        {"csrfmiddlewaretoken": visitor.csrf_token(calculator), "submitted": "1", **answers},
        referer="/tool/",
    )
    expect(
        response.status == 200 and "High risk" in html,
        "POST /tool/ scores the answers (they never travel in an address)",
        f"got {response.status}",
    )

    expect_page(visitor, "/champions/", contains="Find a champion")
    expect_page(visitor, "/resources/", contains="Resources")
    expect_page(visitor, "/accounts/login/", contains="Sign in")
    response, body = visitor.get("/api/v1/openapi.json")
    expect(
        response.status == 200 and "/api/v1/startback/score" in json.loads(body)["paths"],
        "the API's OpenAPI document is served",
        f"{response.status}",
    )
    api_answers = {str(n): "agree" for n in range(1, 9)}
    api_answers["9"] = "very_much"
    response, body = visitor.request(
        "POST",
        "/api/v1/startback/score",
        body=json.dumps({"answers": api_answers}),
        headers={"Content-Type": "application/json"},
    )
    expect(
        response.status == 200 and json.loads(body)["risk"] == "high",
        "POST /api/v1/startback/score scores the answers",
        f"{response.status} {body[:200]}",
    )

    response, html = visitor.get("/no-such-page-here/")
    expect(
        response.status == 404 and "Page not found" in html and "nhsuk-header" in html,
        "an unknown address gets the site's own 404 page",
        f"{response.status}",
    )

    # A new trainee signs up, confirms their address from the e-mail, signs in and opens
    # My learning: CSRF tokens and secure cookies, as a browser sends them.
    trainee = Browser(base_url)
    email = f"probe-{int(time.time())}@example.org"
    password = "probe-lumbar-stratified-9"  # noqa: S105  (a throwaway account on a CI database)
    _, form = trainee.get("/accounts/signup/")
    response, _ = trainee.post_form(
        "/accounts/signup/",
        {
            "csrfmiddlewaretoken": trainee.csrf_token(form),
            "email": email,
            "full_name": "Probe Trainee",
            "profession": "physiotherapist",
            "registration_number": "",
            "organisation_name": "Riverside Medical Practice",
            "organisation_not_listed": "on",
            "password1": password,
            "password2": password,
        },
        referer="/accounts/signup/",
    )
    expect(
        response.status == 302 and "confirm-email" in response.getheader("Location", ""),
        "sign-up asks the new trainee to confirm their e-mail address",
        f"{response.status} {response.getheader('Location')}",
    )
    confirm_path = urlsplit(
        log_find(log_path, r"https://[^\s]+/accounts/confirm-email/[^\s/]+/")
    ).path
    _, form = trainee.get(confirm_path)
    response, _ = trainee.post_form(
        confirm_path, {"csrfmiddlewaretoken": trainee.csrf_token(form)}, referer=confirm_path
    )
    expect(
        response.status == 302, "the link in the e-mail confirms the address", str(response.status)
    )

    _, form = trainee.get("/accounts/login/")
    response, _ = trainee.post_form(
        "/accounts/login/",
        {"csrfmiddlewaretoken": trainee.csrf_token(form), "login": email, "password": password},
        referer="/accounts/login/",
    )
    expect(
        response.status == 302 and "sessionid" in trainee.cookies,
        "the trainee signs in and gets a session",
        f"{response.status} {response.getheader('Location')}",
    )
    audit_line = log_find(log_path, r'\{[^\n]*"event": "sign_in"[^\n]*\}')
    expect(
        json.loads(audit_line)["ip"] == CLIENT_ADDRESS,
        "the sign-in is logged as a JSON audit line with the client's address",
        audit_line,
    )
    response, _ = trainee.get("/my-learning/")
    expect(response.status == 200, "the trainee opens My learning", str(response.status))
    cache_control = {part.strip() for part in response.getheader("Cache-Control", "").split(",")}
    expect(
        {"private", "no-store"} <= cache_control,
        "My learning is marked private, no-store",
        str(cache_control),
    )


def probe_certificates(base_url: str, log_path: str, code: str) -> None:
    visitor = Browser(base_url)
    expect_page(visitor, "/certificates/verify/", contains="Check a certificate")
    expect_page(
        visitor, "/certificates/verify/SB-AAAA-AAAA/", contains="No certificate", status=404
    )
    response, _ = visitor.get(f"/certificates/verify/{code.lower()}/")
    expect(
        response.status == 302 and response.getheader("Location", "").endswith(f"/{code}/"),
        "a code typed in lower case leads to its verification page",
        f"{response.status} {response.getheader('Location')}",
    )
    expect_page(visitor, f"/certificates/verify/{code}/", contains="Probe Holder")
    response, body = visitor.get(f"/certificates/verify/{code}/credential.json")
    credential = json.loads(body)
    expect(
        response.status == 200 and "OpenBadgeCredential" in credential["type"],
        "the certificate's Open Badges credential is served",
        f"{response.status} {body[:200]}",
    )
    response, body = visitor.get("/.well-known/jwks.json")
    keys = json.loads(body)["keys"]
    expect(
        response.status == 200 and keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519",
        "the issuer's public Ed25519 key is published",
        body[:200],
    )
    response, token = visitor.get(f"/certificates/verify/{code}/credential.jwt")
    expect(
        response.status == 200 and token.count(".") == 2,
        "the signed credential is served as a JWT",
        f"{response.status} {token[:80]}",
    )
    reminder = log_find(
        log_path, r"Subject: [^\n]*your certificate expires in two weeks", wait_seconds=30
    )
    expect(
        bool(reminder), "the task worker sent the 14-day reminder the daily job queued", reminder
    )


def probe_staff_sign_in(base_url: str, email: str, password: str) -> None:
    """A trainer's password alone opens nothing, at any address that takes one."""
    for path in ("/accounts/login/", "/_util/login/", "/admin/login/"):
        attacker = Browser(base_url)
        _, form = attacker.get("/accounts/login/")
        fields = {
            "csrfmiddlewaretoken": attacker.csrf_token(form),
            "login": email,
            "username": email,
            "password": password,
        }
        attacker.post_form(f"{path}?next=/trainer/", fields, referer=path)
        for protected in ("/trainer/", "/admin/"):
            response, _ = attacker.get(protected)
            expect(
                response.status == 302 and "/login/" in response.getheader("Location", ""),
                f"a trainer's password alone posted to {path} does not open {protected}",
                f"{response.status} {response.getheader('Location')}",
            )


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    started = time.monotonic()
    try:
        probe(sys.argv[1], sys.argv[2])
        if code := os.environ.get("PROBE_CERTIFICATE_CODE"):
            probe_certificates(sys.argv[1], sys.argv[2], code)
        if email := os.environ.get("PROBE_STAFF_EMAIL"):
            probe_staff_sign_in(sys.argv[1], email, os.environ["PROBE_STAFF_PASSWORD"])
    except (ProbeFailed, OSError, ValueError, KeyError) as error:
        print(f"FAILED  {error}")
        return 1
    print(f"All production checks passed in {time.monotonic() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
