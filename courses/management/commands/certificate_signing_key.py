"""Print a new Ed25519 private key (PEM) for CERTIFICATE_SIGNING_KEY."""

from django.core.management.base import BaseCommand

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class Command(BaseCommand):
    help = "Print a new private key for signing certificates (keep it secret; set it once)."

    def handle(self, *args, **options):
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        self.stdout.write(pem.decode().strip())
