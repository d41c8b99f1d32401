from datetime import timedelta

import pytest
from django.utils import timezone

from pswhub.core.retention import purge_expired
from pswhub.workforce.models import CensusReturnUpload, ImportBatch
from pswhub.workforce.retention import CENSUS_RETURN_FILE_DAYS, HR_EXTRACT_DAYS

pytestmark = pytest.mark.django_db


def test_an_hr_extract_file_is_removed_after_90_days_and_its_batch_record_kept(hr_officer):
    batch = ImportBatch.objects.create(
        uploaded_by=hr_officer, file_name="extract.csv", content=b"employee_number\n", status="imported", added=1
    )
    soon = timezone.now() + timedelta(days=HR_EXTRACT_DAYS - 1)
    later = timezone.now() + timedelta(days=HR_EXTRACT_DAYS + 1)

    purge_expired(now=soon)
    batch.refresh_from_db()
    assert bytes(batch.content) == b"employee_number\n"

    purge_expired(now=later)
    batch.refresh_from_db()
    assert bytes(batch.content) == b""
    assert (batch.file_name, batch.status, batch.added) == ("extract.csv", "imported", 1)


def test_an_uploaded_census_return_file_is_removed_after_90_days_and_its_upload_record_kept(psw):
    upload = CensusReturnUpload.objects.create(
        uploaded_by=psw, file_name="csww-2023.xml", content=b"<Message/>", status="imported", year=2023, created=4
    )

    purge_expired(now=timezone.now() + timedelta(days=CENSUS_RETURN_FILE_DAYS - 1))
    upload.refresh_from_db()
    assert bytes(upload.content) == b"<Message/>"

    purge_expired(now=timezone.now() + timedelta(days=CENSUS_RETURN_FILE_DAYS + 1))
    upload.refresh_from_db()
    assert bytes(upload.content) == b""
    assert (upload.file_name, upload.year, upload.created) == ("csww-2023.xml", 2023, 4)
