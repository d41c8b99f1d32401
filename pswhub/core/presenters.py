"""Display rules shared by every page: dates, numbers, percentages and status tags are formatted
here, never in templates."""

from datetime import date, datetime

from django.utils import timezone
from markupsafe import Markup, escape

from . import roles

SUPPRESSED = "c"


def govuk_date(value):
    """GOV.UK style: 5 January 2026."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def govuk_datetime(value):
    """GOV.UK style: 5 January 2026 at 2:05pm."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    hour = local.hour % 12 or 12
    return f"{govuk_date(local)} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def number(value, places=None):
    """Thousands separated; a suppressed figure stays as `c`."""
    if value is None:
        return ""
    if value == SUPPRESSED:
        return SUPPRESSED
    if isinstance(value, str):
        # Already written out with its own places, like a rate to one decimal place.
        return value
    if places is None:
        return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:,.{places}f}"


def percent(value, places=1):
    if value is None:
        return ""
    if value == SUPPRESSED:
        return SUPPRESSED
    return f"{value:.{places}f}%"


def role_names(codes):
    return ", ".join(roles.ROLE_NAMES[code] for code in sorted(codes, key=list(roles.ROLE_NAMES).index))


def yes_no(value):
    return "Yes" if value else "No"


def paragraphs(text):
    """Free text split into paragraphs at blank lines."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


def text_html(text, empty="Not recorded", classes="govuk-body"):
    """Free text as people typed it: a paragraph for each blank-line break and a line break for
    each single one, escaped. `empty` is shown, as a hint, when there is no text."""
    parts = paragraphs(text)
    if not parts:
        return Markup('<p class="govuk-body govuk-hint">{}</p>').format(empty)
    return Markup("").join(
        Markup('<p class="{}">{}</p>').format(
            classes, Markup("<br>").join(escape(line.strip()) for line in part.split("\n") if line.strip())
        )
        for part in parts
    )


FILTERS = {
    "govuk_date": govuk_date,
    "govuk_datetime": govuk_datetime,
    "number": number,
    "percent": percent,
    "role_names": role_names,
    "yes_no": yes_no,
    "text_html": text_html,
}
