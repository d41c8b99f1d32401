"""A council's Word template is data from outside, so it is checked before it is kept and rendered
in a sandbox when a report is made.

The rule: a template may hold only the report's plain fields ({{ title }}, {{ council }}, ... and
{{p body }}) and `{% if field %}` around text. Anything else (an attribute, a call, a filter, a
loop, a name the report does not offer) is refused at upload, naming the field. The file's size
and the size it expands to are checked before any part of it is read, so a small file that
unpacks to gigabytes is refused at once."""

import io
import re
import zipfile

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

# The fields a template may use: these anywhere (all optional) and the body, as its own
# paragraph: {{p body }}.
TEMPLATE_FIELDS = [
    "council",
    "title",
    "committee",
    "meeting_date",
    "agenda_item",
    "report_of",
    "period_label",
    "services_label",
    "status_line",
]
BODY_FIELD = "body"
BODY_TAG = "{{p body }}"
OFFERED = frozenset([*TEMPLATE_FIELDS, BODY_FIELD])

# Upload limits. A Word template with a logo is well under 1 MB; 10 MB leaves room for images.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# What the file may unpack to, all parts together, and how many times smaller than its contents a
# part may be compressed (text compresses about ten times; a zip bomb thousands of times).
MAX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_PARTS = 1000

NOT_A_WORD_FILE = "The file must be a Word document (.docx) made from the report template"
NO_BODY_TAG = "The template must contain {{p body }} on a line of its own, where the report's body goes"
FILE_TOO_LARGE = "The file must be 10 MB or smaller"
EXPANDS_TOO_MUCH = (
    "The file unpacks to more than 50 MB, or is compressed more than 200 times, so it cannot be used. "
    "Save the template again in Word, with smaller images"
)
FIELD_NOT_OFFERED = "The template field {field} cannot be used. Use only these fields: {offered}"
FIELDS_OFFERED = (
    ", ".join(f"{{{{ {name} }}}}" for name in TEMPLATE_FIELDS) + f" and {BODY_TAG}, and {{% if field %}} around text"
)
FIELDS_UNREADABLE = "The template's fields cannot be read: check each {{ has its }} and each {% if %} its {% endif %}"
TEMPLATE_NOT_SAFE = "The council's Word template has fields the report does not offer. Upload it again to see which"

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# After docxtpl's clean-up, the tags of a template: {{ ... }} and {% ... %}, with Jinja's
# whitespace markers. Comments ({# #}) hold no code.
_TAG = re.compile(r"\{\{(?P<output>.*?)\}\}|\{%(?P<statement>.*?)%\}", re.DOTALL)
_OUTPUT = re.compile(rf"^[-+]?\s*(?P<name>{_NAME})\s*[-+]?$")
_STATEMENT = re.compile(rf"^[-+]?\s*(?:(?:if|elif)\s+(?:not\s+)?(?P<name>{_NAME})|else|endif)\s*[-+]?$")
# The Jinja nodes a template of plain fields and `if`s parses to.
_ALLOWED_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.If, nodes.Not, nodes.Name)


def sandbox():
    """The one Jinja environment templates are rendered in: sandboxed (no attributes beginning
    with an underscore, no changing objects), with no globals, filters or tests, so a template
    reaches only the fields in the context it is given."""
    env = ImmutableSandboxedEnvironment(autoescape=True)
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    return env


def archive_check(content):
    """Refuses a file that is not a zip archive, or whose parts, by the sizes its index declares,
    unpack to more than MAX_EXPANDED_BYTES or are compressed more than MAX_COMPRESSION_RATIO
    times. Python's zip reader never returns more than a part's declared size, so the index is
    enough: nothing is unpacked here."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise ValueError(NOT_A_WORD_FILE) from None
    if len(parts) > MAX_PARTS:
        raise ValueError(EXPANDS_TOO_MUCH)
    if sum(part.file_size for part in parts) > MAX_EXPANDED_BYTES:
        raise ValueError(EXPANDS_TOO_MUCH)
    for part in parts:
        if part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1) and part.file_size > 1024 * 1024:
            raise ValueError(EXPANDS_TOO_MUCH)


def template_sources(content):
    """The text of every XML part of the template, cleaned up the way docxtpl cleans it before
    rendering (runs joined inside tags, {{p ...}} and {%p ...%} unwrapped)."""
    from docxtpl import DocxTemplate

    archive_check(content)
    cleaner = DocxTemplate(None)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = [name for name in archive.namelist() if name.endswith(".xml")]
            return {name: cleaner.patch_xml(archive.read(name).decode("utf-8", "replace")) for name in names}
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ValueError(NOT_A_WORD_FILE) from None


def _field_text(tag):
    text = re.sub(r"<[^>]+>", "", tag).strip()
    return text if len(text) <= 80 else text[:77] + "..."


def template_check(content):
    """Refuses a template that is not a Word document, holds a field that is not one of the
    report's plain fields (naming the first such field), or has no place for the body."""
    sources = template_sources(content)
    if "word/document.xml" not in sources:
        raise ValueError(NOT_A_WORD_FILE)
    env = sandbox()
    for source in sources.values():
        for match in _TAG.finditer(source):
            kind = "output" if match.group("output") is not None else "statement"
            pattern = _OUTPUT if kind == "output" else _STATEMENT
            allowed = pattern.match(re.sub(r"<[^>]+>", "", match.group(kind)).strip())
            if not allowed or (allowed.group("name") is not None and allowed.group("name") not in OFFERED):
                raise ValueError(FIELD_NOT_OFFERED.format(field=_field_text(match.group(0)), offered=FIELDS_OFFERED))
        try:
            tree = env.parse(source)
        except TemplateSyntaxError:
            raise ValueError(FIELDS_UNREADABLE) from None
        for node in tree.find_all(nodes.Node):
            if not isinstance(node, _ALLOWED_NODES) or (isinstance(node, nodes.Name) and node.name not in OFFERED):
                raise ValueError(FIELDS_UNREADABLE)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        text = re.sub(r"<[^>]+>", "", archive.read("word/document.xml").decode("utf-8", "replace"))
    if not re.search(r"\{\{p\s*body\s*\}\}", text):
        raise ValueError(NO_BODY_TAG)
