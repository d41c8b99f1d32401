"""The shape every upload is kept in, whatever it imports: the file's name and bytes (stored once,
at upload, so that confirming imports exactly what was previewed), its status, its problems if it
was refused, what it changes or changed, and who uploaded and confirmed it, when.

Each app's upload model inherits `Upload` and adds a field for each count (or other result) its
import reports, naming them in `RESULT_FIELDS`: they are copied from the import's dry run at
upload and from its write on confirm."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .pipeline import PREVIEW_HOURS


class Upload(models.Model):
    PREVIEWED = "previewed"
    IMPORTED = "imported"
    REFUSED = "refused"
    STATUS_CHOICES = [(PREVIEWED, "Previewed"), (IMPORTED, "Imported"), (REFUSED, "Refused")]
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

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def is_expired(self, now=None, hours=PREVIEW_HOURS):
        """Whether a previewed upload is more than `hours` old, too old to be confirmed."""
        return self.status == self.PREVIEWED and (now or timezone.now()) > self.uploaded_at + timedelta(hours=hours)

    @property
    def may_confirm(self):
        return self.status == self.PREVIEWED and not self.is_expired()
