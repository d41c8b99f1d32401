"""A census line's values as text, the way the return writes them: codes and numbers as text,
dates as YYYY-MM-DD, yes/no as 1/0, blank for nothing. Corrections are held and entered in this
form and submitted versions keep their lines in it; `value_parse` reads a value back, saying what
is wrong when it cannot."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from pswhub.core.presenters import govuk_date

from . import codes
from .models import SWE_NUMBER_PATTERN, CensusWorker, CensusYear

DATE_FIELDS = {"date_of_birth", "role_start_date", "role_end_date"}
DECIMAL_FIELDS = {
    "fte": (0, 1), "fte_30": (0, 1), "working_days_lost": (0, 9999), "contract_weeks": (0, 52),
    "vacancies_fte": (0, 99999), "agency_cover_fte": (0, 99999),
}  # fmt: skip
INTEGER_FIELDS = {"cases_30", "agency_cover_headcount"}
LARGEST_WHOLE_NUMBER = 99999
BOOLEAN_FIELDS = {"agency", "absent_at_30_september", "step_up_graduate", "frontline_graduate"}
CODE_FIELDS = {
    "org_role": codes.ORG_ROLE,
    "start_origin": codes.START_ORIGIN,
    "leaver_destination": codes.LEAVER_DESTINATION,
    "reason_leave": codes.REASON_LEAVE,
    "reason_absence": codes.REASON_ABSENCE,
    "ethnicity": codes.ETHNICITY,
    "sex": codes.SEX,
    "gender_current": codes.GENDER_CURRENT,
    "qualification_level": codes.QUAL_LEVEL,
    **{name: codes.NO_ALL_SOME for _, name, _ in codes.LA_PAY_ITEMS},
}

# The values a build derives from the records, which a correction may put right.
CORRECTABLE_FIELDS = [
    "swe_number", "agency", "org_role", "fte", "fte_30", "role_start_date", "role_end_date", "start_origin",
    "reason_leave", "leaver_destination", "cases_30", "working_days_lost", "absent_at_30_september",
    "reason_absence", "date_of_birth", "sex", "gender_current", "ethnicity", "step_up_graduate",
    "frontline_graduate", "qualification_level", "contract_weeks",
]  # fmt: skip

# The council-level answers of a built year (vacancies, agency cover, pay and allowances), which a
# correction may put right in the same way.
PAY_LABELS = {name: label for _, name, label in codes.LA_PAY_ITEMS}
COUNCIL_FIELDS = [
    "vacancies_fte", "agency_cover_fte", "agency_cover_headcount", *PAY_LABELS, "other_allowances",
]  # fmt: skip

NOT_A_DATE = "Enter a date as YYYY-MM-DD, like 2026-09-30"
NOT_A_NUMBER = "Enter a number from {low} to {high}"
NOT_A_WHOLE_NUMBER = "Enter a whole number, 0 or more"
WHOLE_NUMBER_TOO_BIG = "Enter a whole number from 0 to 99999"
NOT_YES_NO = "Enter 1 for yes or 0 for no"
NOT_A_CODE = "Enter one of the census codes: {codes}"
NOT_AN_SWE_NUMBER = "Enter a Social Work England number: SW and up to 10 digits"
REQUIRED = {"swe_number", "agency"}
MUST_NOT_BE_BLANK = "This value cannot be left blank"
OTHER_ALLOWANCES_LENGTH = 100  # the most a correction holds (the return's own field takes 500)
TOO_LONG = "Enter no more than {length} characters"


def field_label(name):
    if name in PAY_LABELS:
        return PAY_LABELS[name]
    model = CensusYear if name in COUNCIL_FIELDS else CensusWorker
    label = str(model._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def value_text(name, value):
    """The text form of a line's value."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f").rstrip("0")
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return str(value)


def value_shown(name, value):
    """How a value reads on a page: a code with its label."""
    text = value_text(name, value)
    if text and name in CODE_FIELDS:
        return f"{text}: {codes.label(CODE_FIELDS[name], text)}"
    if text and name in BOOLEAN_FIELDS:
        return "Yes" if value else "No"
    if text and name in DATE_FIELDS and isinstance(value, date):
        return govuk_date(value)
    return text or "Blank"


def value_parse(name, text):
    """The value for a line's field from its text form; ValueError saying what to enter."""
    text = (text or "").strip()
    if not text:
        if name in REQUIRED:
            raise ValueError(MUST_NOT_BE_BLANK)
        return [] if name in ("qualification_institutions", "cfkss_status") else (None if _nullable(name) else "")
    if name in DATE_FIELDS:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(NOT_A_DATE) from None
    if name in DECIMAL_FIELDS:
        low, high = DECIMAL_FIELDS[name]
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(NOT_A_NUMBER.format(low=low, high=high)) from None
        if not value.is_finite() or not low <= value <= high:
            raise ValueError(NOT_A_NUMBER.format(low=low, high=high))
        return value
    if name in INTEGER_FIELDS:
        if not text.isdigit():
            raise ValueError(NOT_A_WHOLE_NUMBER)
        if len(text) > 5 or int(text) > LARGEST_WHOLE_NUMBER:
            raise ValueError(WHOLE_NUMBER_TOO_BIG)
        return int(text)
    if name in BOOLEAN_FIELDS:
        if text not in ("0", "1"):
            raise ValueError(NOT_YES_NO)
        return text == "1"
    if name in CODE_FIELDS:
        allowed = [code for code, _ in CODE_FIELDS[name]]
        if text not in allowed:
            raise ValueError(NOT_A_CODE.format(codes=", ".join(allowed)))
        return text
    if name == "swe_number" and not re.match(SWE_NUMBER_PATTERN, text):
        raise ValueError(NOT_AN_SWE_NUMBER)
    if name == "other_allowances" and len(text) > OTHER_ALLOWANCES_LENGTH:
        raise ValueError(TOO_LONG.format(length=OTHER_ALLOWANCES_LENGTH))
    return text


def _nullable(name):
    return (CensusYear if name in COUNCIL_FIELDS else CensusWorker)._meta.get_field(name).null


def line_texts(worker):
    """{field: text} of a line's return fields."""
    return {name: value_text(name, getattr(worker, name)) for name in CensusWorker.RETURN_FIELDS}
