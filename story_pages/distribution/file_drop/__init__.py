"""The file drop (``manage.py drop_stories``): the NewsML-G2 and ninjs of the stories changed
since the last run, and cancellations of those withdrawn, written into a folder, an S3 bucket or
an SFTP server, for newsroom systems that ingest files.

- ``drop.py`` runs a drop: which files to write, the state it keeps in the target;
- ``selection.py`` reads which stories changed and which were withdrawn (the change feed);
- ``documents.py`` and ``cancellation.py`` make each format's file;
- ``state.py`` is what a target remembers between runs;
- ``target.py`` chooses the target from its address; ``folder.py``, ``s3.py``, ``sftp.py`` write.
"""


class DropError(Exception):
    """What stops a drop, said for the operator who runs it (the command shows it as it is)."""
