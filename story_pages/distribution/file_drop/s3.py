"""An S3 bucket (AWS, or an S3-compatible store: MinIO, Viettel or FPT cloud object storage) as a
drop's target: ``s3://bucket/prefix/``.

boto3 directly rather than django-storages' S3Storage: a drop names its bucket in its address,
not in the site's settings, writes each key exactly as named (no storage renaming a taken name,
no default location or ACL from MEDIA settings) with its content type, and needs S3's own
answers (a missing state, a missing bucket, refused credentials) to say what went wrong.

Credentials and the endpoint come from the environment, as for any AWS tool: AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY (or a profile, or the machine's role), and AWS_S3_ENDPOINT_URL (the
site's media setting) or boto3's own AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL for another store
than AWS; AWS_S3_REGION_NAME or AWS_DEFAULT_REGION. A put is atomic: a reader finds the previous
object or the new one, so no temporary key is needed.
"""

import os
from urllib.parse import unquote, urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
)

from story_pages.distribution.file_drop import DropError
from story_pages.distribution.file_drop.target import Target

CONFIG = Config(connect_timeout=10, read_timeout=60, retries={"mode": "standard", "max_attempts": 5})
MISSING = {"NoSuchKey", "404", "NotFound"}
REFUSED = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken"}


class S3Target(Target):
    def __init__(self, bucket: str, prefix: str):
        self.bucket, self.prefix = bucket, prefix
        self.client = None

    @classmethod
    def at(cls, to: str) -> "S3Target":
        address = urlsplit(to)
        if not address.netloc or "@" in address.netloc:
            raise DropError(
                f"{to}: name the bucket, as s3://bucket/prefix/ (credentials come from the "
                "environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)."
            )
        prefix = unquote(address.path).strip("/")
        return cls(address.netloc, f"{prefix}/" if prefix else "")

    def __str__(self):
        return f"s3://{self.bucket}/{self.prefix}"

    def connect(self) -> None:
        self.client = boto3.session.Session().client(
            "s3",
            endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,  # else boto3's own variables
            region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
            config=CONFIG,
        )

    def read(self, name: str) -> bytes | None:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self.prefix + name)["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in MISSING:
                return None
            raise self._failure(error, f"{self.location(name)} cannot be read") from None
        except BotoCoreError as error:
            raise self._failure(error, f"{self.location(name)} cannot be read") from None

    def write(self, name: str, content: bytes, content_type: str) -> None:
        try:
            self.client.put_object(
                Bucket=self.bucket, Key=self.prefix + name, Body=content, ContentType=content_type
            )
        except (ClientError, BotoCoreError) as error:
            raise self._failure(error, f"{self.location(name)} cannot be written") from None

    def _failure(self, error: Exception, what: str) -> DropError:
        if isinstance(error, NoCredentialsError | PartialCredentialsError):
            return DropError(
                f"{what}: no AWS credentials. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or "
                "AWS_PROFILE), or run where the machine's role gives some."
            )
        if isinstance(error, EndpointConnectionError):
            return DropError(
                f"{what}: the S3 endpoint cannot be reached ({error}). For another store than AWS, "
                "set AWS_S3_ENDPOINT_URL (or AWS_ENDPOINT_URL) to its address."
            )
        if not isinstance(error, ClientError):
            return DropError(f"{what}: {error}")
        details = error.response.get("Error", {})
        code, message = details.get("Code", "?"), details.get("Message", "")
        if code == "NoSuchBucket":
            return DropError(f"{what}: there is no bucket {self.bucket!r} (a drop makes none).")
        if code in REFUSED:
            return DropError(f"{what}: the store refused the credentials ({code}: {message}).")
        if code in ("AccessDenied", "403"):
            return DropError(
                f"{what}: access denied. The drop's credentials need s3:GetObject and s3:PutObject "
                f"on {self}* (and s3:ListBucket, so that a missing state reads as missing)."
            )
        return DropError(f"{what}: the store answered {code} {message}".rstrip() + ".")
