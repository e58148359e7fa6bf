"""Open Badges 3.0: a certificate as an `OpenBadgeCredential`, signed as a VC-JWT.

The credential (VC Data Model 2.0 with the Open Badges 3.0 context) names the achievement with
its criteria and CPD hours, the issuer's profile, `validFrom`/`validUntil` and the public
verification page. It is signed with the issuer's Ed25519 key (JWS `EdDSA`), read from the
environment (`CERTIFICATE_SIGNING_KEY`, a PEM private key); the public key is published as a JWK
set at `/.well-known/jwks.json`, so anyone can check a credential with any JOSE library.
"""

from __future__ import annotations

import datetime
import hashlib
import warnings
from functools import cache

from django.conf import settings

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jwt
from joserfc.jwk import OKPKey

from courses.certification.models import Certificate

ALGORITHM = "EdDSA"
CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
# For a certificate issued before its criteria were recorded with it.
CRITERIA = "Met the certification rule of the course: its required lessons and quizzes."


@cache
def signing_key() -> OKPKey:
    """The issuer's private key: `CERTIFICATE_SIGNING_KEY` (PEM), or, where none is set outside
    production, one derived from SECRET_KEY so development and tests sign consistently."""
    pem = settings.CERTIFICATE_SIGNING_KEY
    if pem:
        return OKPKey.import_key(pem.replace("\\n", "\n"))
    seed = hashlib.sha256(f"certificate-signing:{settings.SECRET_KEY}".encode()).digest()
    private = Ed25519PrivateKey.from_private_bytes(seed)
    return OKPKey.import_key(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def key_id() -> str:
    """The key's RFC 7638 thumbprint: a new key gets a new id."""
    return signing_key().thumbprint()


def public_jwks() -> dict:
    return {
        "keys": [
            {
                **signing_key().as_dict(private=False),
                "kid": key_id(),
                "use": "sig",
                "alg": ALGORITHM,
            }
        ]
    }


def _instant(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def issuer_profile(*, base_url: str, name: str, support_email: str = "") -> dict:
    profile = {
        "id": f"{base_url}/certificates/issuer.json",
        "type": ["Profile"],
        "name": name,
        "url": f"{base_url}/",
        "description": "Training for clinicians in STarT Back stratified care for low back pain.",
    }
    if support_email:
        profile["email"] = support_email
    return profile


def credential_build(
    certificate: Certificate, *, base_url: str, verify_url: str, issuer: dict
) -> dict:
    """The unsigned `OpenBadgeCredential` for a certificate."""
    hours = float(certificate.cpd_hours)
    return {
        "@context": CONTEXTS,
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "validFrom": _instant(certificate.issued_on),
        "validUntil": _instant(certificate.expires_on),
        "name": f"{certificate.course_title}: certificate",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "creditsEarned": hours,
            "achievement": {
                "id": f"{base_url}{certificate.course.url}"
                if certificate.course is not None and certificate.course.url
                else f"{verify_url}#achievement",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title,
                "description": (
                    "Stratified care for low back pain with the Keele STarT Back Screening "
                    "Tool: scoring the tool, matching treatment to risk and recognising serious "
                    "pathology."
                ),
                "criteria": {"narrative": certificate.criteria or CRITERIA},
                "creditsAvailable": hours,
                "fieldOfStudy": "Low back pain: stratified care",
                "humanCode": certificate.code,
            },
        },
    }


def credential_sign(credential: dict) -> str:
    """The credential as a VC-JWT: the JWT claims Open Badges 3.0 asks for around it."""
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(datetime.datetime.fromisoformat(credential["validFrom"]).timestamp()),
        "exp": int(datetime.datetime.fromisoformat(credential["validUntil"]).timestamp()),
        "vc": credential,
    }
    header = {"alg": ALGORITHM, "kid": key_id(), "typ": "JWT"}
    with warnings.catch_warnings():
        # joserfc prefers the fully specified "Ed25519" name (RFC 9864); "EdDSA" is what Open
        # Badges verifiers read today.
        warnings.simplefilter("ignore")
        return jwt.encode(header, claims, signing_key(), algorithms=[ALGORITHM])
