"""What a hostile client costs the scoring API (run with `make bench`; not part of the suite).

Sends the body that used to exhaust a worker (about 2.5 MB: 200,000 keys that are not items)
and one just under the 4 KB limit packed with unknown keys, and reports each reply's status and
size, the server time per request and the process's resident memory before and after.
"""

import json
import time

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/startback/score"
ROUNDS = 5


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def test_bench_hostile_bodies(client, settings):
    settings.API_RATE_LIMIT = "off"
    huge = json.dumps({"answers": {str(n): 0 for n in range(10, 200_010)}})
    packed = {"answers": {}}
    while len(json.dumps(packed)) < 4000:
        packed["answers"][f"x{len(packed['answers'])}"] = 0
    packed_body = json.dumps(packed)

    print(f"\n{ROUNDS} requests each, Django test client")
    for name, body in [("2.5 MB of unknown keys", huge), ("4 KB of unknown keys", packed_body)]:
        before = resident_mb()
        start = time.perf_counter()
        for _ in range(ROUNDS):
            response = client.post(URL, body, content_type="application/json")
        per_request = (time.perf_counter() - start) / ROUNDS
        print(
            f"  {name:<24} body {len(body) / 1e6:.3f} MB -> {response.status_code}, "
            f"reply {len(response.content)} bytes, {per_request * 1000:.1f} ms per request, "
            f"resident memory {before:.0f} -> {resident_mb():.0f} MB"
        )
