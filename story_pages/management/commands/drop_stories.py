"""Write the stories published or updated since the last run, and cancellations of those withdrawn,
into a folder, an S3 bucket or an SFTP server, for newsroom systems that ingest files (a "file
drop"): NewsML-G2 and, if asked, ninjs, the documents the API serves.

    manage.py drop_stories --to /srv/drop [--since 2025-07-01T00:00] [--format newsml,ninjs]
    manage.py drop_stories --to s3://bucket/t63/
    manage.py drop_stories --to sftp://t63@ingest.vtv.example/in/ --key-file ~/.ssh/t63_drop

Each format has its own subfolder (``newsml/``, ``ninjs/``, ``ninjs1/``), since an ingest reads
every file of the folder it watches with one parser. One file per story and language, named by
the story's translation key and language (``t63-<key>-vi.xml``), so a corrected story replaces
its file, and a withdrawn one's becomes a cancellation (NewsML-G2 ``stat:canceled``, ninjs
``canceled``). Files are written whole. What was written, and when the run began, is kept in
``.t63-drop/state.json`` in the target: a story is written again only once published again, and a
rerun with nothing changed writes nothing (story_pages/distribution/file_drop/).
"""

import os
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from story_pages.distribution.file_drop import DropError
from story_pages.distribution.file_drop.address import open_target
from story_pages.distribution.file_drop.drop import DropReport, FileDrop
from story_pages.distribution.file_drop.state import FORMATS
from story_pages.distribution.site_request import SiteRequest, default_site_root

KEY_FILE_VARIABLE = "T63_DROP_SFTP_KEY_FILE"
KNOWN_HOSTS_VARIABLE = "T63_DROP_SFTP_KNOWN_HOSTS"


class Command(BaseCommand):
    help = (
        "Write NewsML-G2 (and ninjs) of the stories changed since the last run, and cancellations of "
        "those withdrawn, to a folder, s3://bucket/prefix/ or sftp://user@host/path/: one file per "
        "story and language, each format in its own subfolder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            required=True,
            help="A folder (created if missing), s3://bucket/prefix/ (credentials and endpoint from the "
            "AWS_* environment variables) or sftp://user@host[:port]/path/.",
        )
        parser.add_argument(
            "--since",
            help="ISO 8601 date and time (without a zone: the site's time zone); default: since the "
            "last run into this target, or every published story on the first.",
        )
        parser.add_argument(
            "--format",
            default="newsml",
            help=f"Comma-separated, of: {', '.join(FORMATS)} (ninjs is 3.x, ninjs1 1.x). Default: newsml.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Write the files even of stories written before."
        )
        parser.add_argument(
            "--base-url", help="The site's public address for absolute URLs; default: the default Site's."
        )
        parser.add_argument(
            "--key-file",
            help=f"sftp://: the private key to sign in with (no passphrase); default: ${KEY_FILE_VARIABLE}.",
        )
        parser.add_argument(
            "--known-hosts",
            help="sftp://: the known_hosts file that has the server's host key; default: "
            f"${KNOWN_HOSTS_VARIABLE}, else ~/.ssh/known_hosts. An unknown host is refused.",
        )

    def handle(self, *args, to, since=None, force=False, base_url=None, key_file=None, **options):
        formats = _formats(options["format"])
        since = _moment(since) if since else None
        request = SiteRequest(base_url or _site_address())
        known_hosts = options.get("known_hosts")
        if to.lower().startswith("sftp://"):  # the variables are an SFTP target's defaults
            key_file = key_file or os.environ.get(KEY_FILE_VARIABLE)
            known_hosts = known_hosts or os.environ.get(KNOWN_HOSTS_VARIABLE)
        try:
            target = open_target(to, key_file=key_file, known_hosts=known_hosts)
            with target:
                report = FileDrop(target, formats, request, force=force).run(since)
        except DropError as error:
            raise CommandError("\n".join([str(error), *getattr(error, "__notes__", [])])) from None
        self.stdout.write(_summary(report, target))


def _summary(report: DropReport, target) -> str:
    since = report.since.isoformat() if report.since else "the beginning"
    return (
        f"{report.files} file(s) written into {target} for {report.stories} story(ies) published and "
        f"{report.withdrawn} withdrawn, of the changes since {since}."
    )


def _site_address() -> str:
    root = default_site_root()
    if root is None:
        raise CommandError("There is no default Site: give the site's address with --base-url.")
    return root


def _formats(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise CommandError(f"--format: use one or more of {', '.join(FORMATS)}, comma-separated.")
    return list(dict.fromkeys(names))


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since: {value!r} is not an ISO 8601 date and time.") from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
