"""A council's Word template holds only the report's plain fields; anything else is refused at
upload, and a template that got past the check renders nothing but those fields."""

import io
import struct
import time
import zipfile

import pytest
from django.urls import reverse

from pswhub.reporting import outputs
from pswhub.reporting.models import ReportTemplate
from pswhub.reporting.word_template import (
    EXPANDS_TOO_MUCH,
    FIELD_NOT_OFFERED,
    FILE_TOO_LARGE,
    TEMPLATE_NOT_SAFE,
    template_check,
)

SECRET = "postgres://pswhub:do-not-leak@db/pswhub"
PAYLOAD = "{{ cycler.__init__.__globals__.os.environ.get('DATABASE_URL') }}"


def word_file(*paragraphs, name="westshire.docx"):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Westshire Council branded template")
    for text in paragraphs:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.name = name
    buffer.seek(0)
    return buffer


def upload(client, file):
    return client.post(reverse("reporting:template_manage"), {"file": file}).content.decode()


def document(**fields):
    return {
        "title": "Annual report 2025/26",
        "status": "draft",
        "blocks": [{"type": "paragraph", "number": 1, "text": "The body."}],
        **fields,
    }


def test_a_template_with_the_offered_fields_and_ifs_is_accepted(client, psw):
    client.force_login(psw)
    file = word_file("{{ council }}", "{% if agenda_item %}Item {{ agenda_item }}{% endif %}", "{{p body }}")
    page = upload(client, file)
    assert "There is a problem" not in page
    assert ReportTemplate.objects.filter(is_active=True).count() == 1


def test_the_shipped_template_passes_its_own_check():
    template_check(outputs.default_template())


def test_a_template_reaching_into_python_is_refused_at_upload_naming_the_field(client, psw):
    client.force_login(psw)
    page = upload(client, word_file(PAYLOAD, "{{p body }}"))
    assert "cycler.__init__.__globals__" in page
    assert "cannot be used" in page
    assert not ReportTemplate.objects.exists()


@pytest.mark.parametrize(
    "field",
    [
        "{{ title|upper }}",
        "{{ title.__class__ }}",
        "{{ range(10) }}",
        "{% for x in title %}{{ x }}{% endfor %}",
        "{{ lipsum }}",
        "{% set x = 1 %}",
        "{% include 'base.html' %}",
    ],
)
def test_fields_that_are_not_plain_names_the_report_offers_are_refused(field):
    with pytest.raises(ValueError) as refused:
        template_check(word_file(field, "{{p body }}").getvalue())
    assert str(refused.value).startswith(FIELD_NOT_OFFERED.split("{field}")[0])


def test_a_template_injected_past_the_check_renders_nothing_secret(db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", SECRET)
    template = word_file(PAYLOAD, "{{p body }}").getvalue()
    with pytest.raises(ValueError, match=TEMPLATE_NOT_SAFE):
        outputs.render_docx(document(), template=template)


def test_an_unknown_name_injected_past_the_check_renders_empty(db):
    from docx import Document

    template = word_file("[{{ settings }}]", "{{p body }}").getvalue()
    rendered = Document(io.BytesIO(outputs.render_docx(document(), template=template)))
    assert "[]" in [paragraph.text for paragraph in rendered.paragraphs]


def _bomb(declared_size=None, real_size=64 * 1024 * 1024):
    """A Word file with one part of zeros: compressed to a few kilobytes. With `declared_size`
    the archive's index claims the part unpacks to that many bytes."""
    buffer = io.BytesIO(word_file("{{p body }}").getvalue())
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/media/padding.bin", "w", force_zip64=True) as part,
    ):
        chunk = bytes(1024 * 1024)
        for _ in range(real_size // len(chunk)):
            part.write(chunk)
    content = bytearray(buffer.getvalue())
    if declared_size is not None:
        # The central directory entry of the last part: its uncompressed size is at offset 24.
        entry = content.rfind(b"PK\x01\x02")
        content[entry + 24 : entry + 28] = struct.pack("<I", declared_size)
    return bytes(content)


def test_a_small_file_that_unpacks_to_gigabytes_is_refused_quickly(client, psw):
    bomb = _bomb(declared_size=2**31 - 1, real_size=1024 * 1024)
    client.force_login(psw)
    file = io.BytesIO(bomb)
    file.name = "bomb.docx"
    started = time.monotonic()
    page = upload(client, file)
    assert time.monotonic() - started < 5
    assert EXPANDS_TOO_MUCH.replace("'", "&#x27;") in page
    assert "50 MB" in page
    assert not ReportTemplate.objects.exists()


def test_a_part_compressed_a_thousand_times_is_refused():
    bomb = _bomb(real_size=40 * 1024 * 1024)
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(ValueError, match="compressed more than 200 times"):
        template_check(bomb)


def test_a_file_over_ten_megabytes_is_refused_before_it_is_read(client, psw):
    client.force_login(psw)
    file = io.BytesIO(b"0" * (10 * 1024 * 1024 + 1))
    file.name = "big.docx"
    page = upload(client, file)
    assert FILE_TOO_LARGE in page
    assert not ReportTemplate.objects.exists()


def test_a_file_of_ten_megabytes_exactly_is_read(client, psw):
    client.force_login(psw)
    file = io.BytesIO(b"0" * (10 * 1024 * 1024))
    file.name = "big.docx"
    page = upload(client, file)
    assert FILE_TOO_LARGE not in page
    assert "must be a Word document" in page
