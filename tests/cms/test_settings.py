"""The settings modules: safe defaults, production refusing to run insecurely, SQLite tuning."""

import os
import subprocess
import sys
import threading
from pathlib import Path

from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cms.settings.base import SQLITE_OPTIONS, database_from_environment

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "training.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://training.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "CERTIFICATE_SIGNING_KEY": Ed25519PrivateKey.generate()
    .private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    .decode(),
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    leave_out = {
        "DJANGO_SETTINGS_MODULE",
        "SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "CERTIFICATE_SIGNING_KEY",
    }
    clean_env = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_certificate_signing_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CERTIFICATE_SIGNING_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "CERTIFICATE_SIGNING_KEY" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_redis():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_production_deploy_check_prints_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_base_settings_are_safe_by_default():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cms.settings import base; print(base.DEBUG, repr(base.SECRET_KEY))",
        ],
        cwd=PROJECT_ROOT,
        env={k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False ''"


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/training")
    config = database_from_environment()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "training"


@pytest.mark.django_db
def test_postgresql_runs_without_its_jit_compiler():
    """The trainers' aggregate queries took longer to compile than to run."""
    if connection.vendor != "postgresql":
        pytest.skip("A PostgreSQL setting: run on PostgreSQL.")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_default_database_is_sqlite_in_wal_mode(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_environment()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def _sqlite_connection(path: Path) -> DatabaseWrapper:
    settings_dict = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": dict(SQLITE_OPTIONS),
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
    }
    return DatabaseWrapper(settings_dict, alias=f"concurrency-{path.name}")


@pytest.mark.parametrize("writers", [4])
def test_concurrent_sqlite_writers_wait_instead_of_failing(tmp_path, writers, django_db_blocker):
    with django_db_blocker.unblock():
        _run_concurrent_writers(tmp_path, writers)


def _run_concurrent_writers(tmp_path, writers):
    path = tmp_path / "concurrent.sqlite3"
    setup = _sqlite_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("CREATE TABLE tally (writer INTEGER, n INTEGER)")
    setup.close()

    errors: list[Exception] = []

    def write(writer: int) -> None:
        connection = _sqlite_connection(path)
        try:
            for n in range(40):
                with connection.cursor() as cursor:
                    cursor.execute("BEGIN IMMEDIATE")
                    cursor.execute("INSERT INTO tally VALUES (%s, %s)", [writer, n])
                    cursor.execute("SELECT COUNT(*) FROM tally")
                    cursor.execute("COMMIT")
        except Exception as error:  # noqa: BLE001  (collected and asserted below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    check = _sqlite_connection(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM tally")
        assert cursor.fetchone()[0] == writers * 40
    check.close()


def test_with_s3_media_the_policy_allows_the_buckets_origin_for_images_only():
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "training-media",
        "AWS_S3_REGION_NAME": "eu-west-2",
    }
    script = (
        "from django.conf import settings; d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
        "print(d['img-src'], d['script-src'], d['font-src'])"
    )

    result = run_manage("shell", "--no-imports", "-c", script, env=env)

    assert result.returncode == 0, result.stderr
    bucket = "https://training-media.s3.eu-west-2.amazonaws.com"
    assert result.stdout.strip() == f"[\"'self'\", '{bucket}'] [\"'self'\"] [\"'self'\"]"
