"""The shape every upload is kept in, whatever it imports: the file's name and bytes (stored once,
at upload, so that confirming imports exactly what was previewed), its status, its problems if it
was refused, what it changes or changed, who uploaded and confirmed it, when, and how far the
background check has read (core.imports.background).

An upload made on the pages goes queued, being checked, previewed, being imported, imported
(or refused, with its problems, or failed, saying why); one made by a command starts previewed.

Each app's upload model inherits `Upload` and adds a field for each count (or other result) its
import reports, naming them in `RESULT_FIELDS`: they are copied from the import's dry run at
upload and from its write on confirm."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .pipeline import PREVIEW_HOURS


class Upload(models.Model):
    QUEUED = "queued"
    PREVIEWING = "previewing"
    PREVIEWED = "previewed"
    CONFIRMING = "confirming"
    IMPORTED = "imported"
    REFUSED = "refused"
    FAILED = "failed"
    STATUS_CHOICES = [
        (QUEUED, "Waiting to be checked"),
        (PREVIEWING, "Being checked"),
        (PREVIEWED, "Previewed"),
        (CONFIRMING, "Being imported"),
        (IMPORTED, "Imported"),
        (REFUSED, "Refused"),
        (FAILED, "Failed"),
    ]
    # The statuses in which work is waiting or running in the background.
    RUNNING = (QUEUED, PREVIEWING, CONFIRMING)
    RESULT_FIELDS = ["rows"]

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PREVIEWED)
    rows = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    # How far the background check has read the file: rows read, of about how many (None: not
    # known yet).
    rows_read = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def is_expired(self, now=None, hours=PREVIEW_HOURS):
        """Whether a previewed upload (or one waiting for its confirmation) is more than `hours`
        old, too old to be confirmed."""
        too_old = (now or timezone.now()) > self.uploaded_at + timedelta(hours=hours)
        return self.status in (self.PREVIEWED, self.CONFIRMING) and too_old

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def is_preview(self):
        """Whether its counts say what importing it would change (previewed, or being imported)
        rather than what it changed."""
        return self.status in (self.PREVIEWED, self.CONFIRMING)

    @property
    def may_confirm(self):
        return self.status == self.PREVIEWED and not self.is_expired()
