"""The signature a receiver checks (docs/webhooks.md shows how):

    X-T63-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>

The time is signed with the body, so a request captured on the way cannot be replayed later by a
receiver that refuses an old ``t``; every attempt is signed afresh. ``v1`` names the scheme, so a
later one can be sent beside it while receivers move over.
"""

import hashlib
import hmac

SIGNATURE_HEADER = "X-T63-Signature"
DELIVERY_HEADER = "X-T63-Delivery"
EVENT_HEADER = "X-T63-Event"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
