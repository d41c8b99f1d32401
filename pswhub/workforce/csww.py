"""The CSWW census return as XML: its three layouts, reading a return (with a message naming the
worker and element for anything that breaks the layout) and writing one.

The layouts follow DfE's collection: 2021 to 2023 share one (`GenderCurrent`, `LALevelVacancies`);
2024 replaces `GenderCurrent` with `Sex`; 2025 renames `LALevelVacancies` to `LALevel`, adds the
pay and allowance questions and the worker's pay, and drops `QualInst` and `CFKSSstatus`.
Earlier years are read and written in the 2021 to 2023 layout."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from lxml import etree

from pswhub.core.imports import limits
from pswhub.core.imports.guard import value_problem
from pswhub.core.imports.progress import rows_read

from . import codes

SOFTWARE_CODE = "PSW Hub"
# The years a census year can be (workforce.models.CensusYear.year's validators).
CENSUS_YEARS = (2009, 2100)

# The census schema's own pattern, corrected: two letters and up to ten digits.
LAYOUT_SWE_PATTERN = re.compile(r"^[A-Za-z]{2}\d{1,10}$")

NOT_WELL_FORMED = "The file is not well-formed XML: {detail}"
HAS_DTD = (
    "The file declares a document type (<!DOCTYPE ...>), which a census return never has: its entities are not "
    "expanded, so values would go missing. Remove the declaration, or export the return again"
)
HAS_ENTITY = "{element} holds the entity &{entity}; which a census return never uses: write the value itself"
BAD_YEAR_RANGE = "The collection year {value} is not a census year from 2009 to 2100"
TOO_LARGE_TO_STORE = "{element} {value!r} is not {expected}: {reason}"
WRONG_ROOT = "The file is not a census return: its root element is {found}, not Message"
NO_YEAR = "The return does not say which collection year it is for: add Header/CollectionDetails/Year"
BAD_YEAR = "The collection year {value!r} is not a year"
NO_WORKERS = "The return has no CSWWWorker"
UNEXPECTED_ELEMENT = "{element} is not part of the {layout} layout here"
OUT_OF_ORDER = "{element} is out of order: it must come before {after}"
MISSING_ELEMENT = "{element} is missing"
REPEATED_ELEMENT = "{element} appears more than once"
BAD_VALUE = "{element} {value!r} is not {expected}"
BAD_LA_CODE = "LEA {value!r} is not a three-digit local authority code"
ENDS_BEFORE_START = "RoleEndDate {end} is before RoleStartDate {start}"


@dataclass(frozen=True)
class Problem:
    """A problem in a return: which worker (by SWE number, or by position if it has none), which
    element, and what is wrong."""

    message: str
    element: str = ""
    worker: str = ""

    def __str__(self):
        # Every message names its element; a worker's problem also names the worker.
        return f"Worker {self.worker}: {self.message}" if self.worker else self.message

    # As the problems of every import are kept and shown (core.imports.problems): by worker in
    # place of the row, and by element in place of the column.
    @property
    def row(self):
        return self.worker or None

    @property
    def column(self):
        return self.element


# Value kinds: how an element's text is read and written.
def _read_flag(text):
    return {"0": False, "1": True}[text]


def _read_decimal(places, low=None, high=None):
    def read(text):
        value = Decimal(text)
        if not value.is_finite() or -value.as_tuple().exponent > places:
            raise ValueError
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValueError
        return value

    return read


def _read_int(text):
    if not re.fullmatch(r"\+?\d+", text):
        raise ValueError
    return int(text)


def _read_code(choices):
    allowed = {code for code, _ in choices}

    def read(text):
        if text not in allowed:
            raise ValueError
        return text

    return read


def _read_swe(text):
    if not LAYOUT_SWE_PATTERN.match(text):
        raise ValueError
    return text.upper()


@dataclass(frozen=True)
class Item:
    element: str
    field: str
    read: object
    expected: str
    write: object = str
    required: bool = False
    many: bool = False


def _flag(element, name, **kwargs):
    return Item(element, name, _read_flag, "0 or 1", lambda value: "1" if value else "0", **kwargs)


def _code(element, name, choices, **kwargs):
    return Item(element, name, _read_code(choices), "one of the census codes", **kwargs)


def _decimal(element, name, places, expected, low=None, high=None, **kwargs):
    return Item(
        element, name, _read_decimal(places, low, high), expected, lambda value: f"{value:.{places}f}", **kwargs
    )


def _date(element, name):
    return Item(element, name, date.fromisoformat, "a date like 2024-09-30", lambda value: value.isoformat())


_FTE = {"places": 6, "expected": "an FTE between 0 and 1 with up to 6 decimal places", "low": 0, "high": 1}

_WORKER_HEAD = [
    _flag("AgencyWorker", "agency", required=True),
    Item("SWENo", "swe_number", _read_swe, "a Social Work England number (SW and up to 10 digits)", required=True),
    _decimal("FTE", "fte", **_FTE),
    _date("PersonBirthDate", "date_of_birth"),
]
_WORKER_MIDDLE = [
    _code("Ethnicity", "ethnicity", codes.ETHNICITY),
]
_QUAL_INST = Item("QualInst", "qualification_institutions", str, "text", many=True)
_WORKER_ROLE = [
    _code("QualLevel", "qualification_level", codes.QUAL_LEVEL),
    _flag("StepUpGrad", "step_up_graduate"),
    _code("OrgRole", "org_role", codes.ORG_ROLE),
    _date("RoleStartDate", "role_start_date"),
    _code("StartOrigin", "start_origin", codes.START_ORIGIN),
    _date("RoleEndDate", "role_end_date"),
    _code("LeaverDestination", "leaver_destination", codes.LEAVER_DESTINATION),
    _code("ReasonLeave", "reason_leave", codes.REASON_LEAVE),
    _decimal("FTE30", "fte_30", **_FTE),
    Item("Cases30", "cases_30", _read_int, "a whole number of cases"),
    _decimal("WorkingDaysLost", "working_days_lost", 2, "a number of days with up to 2 decimal places", low=0),
    _decimal("ContractWeeks", "contract_weeks", 1, "a number of weeks with 1 decimal place", low=0, high=53),
    _flag("FrontlineGrad", "frontline_graduate"),
    _flag("Absat30Sept", "absent_at_30_september"),
    _code("ReasonAbsence", "reason_absence", codes.REASON_ABSENCE),
]
_CFKSS = Item("CFKSSstatus", "cfkss_status", _read_code(codes.CFKSS_STATUS), "one of the census codes", many=True)
_PAY = [
    _decimal("BaseSalary", "base_salary", 2, "an amount with up to 2 decimal places", low=0),
    _decimal("RRPayments", "rr_payments", 2, "an amount with up to 2 decimal places", low=0),
    _decimal("OtherPayments", "other_payments", 2, "an amount with up to 2 decimal places", low=0),
]

_LA_HEAD = [
    _decimal("NumberOfVacancies", "vacancies_fte", 2, "an FTE with up to 2 decimal places", low=0, required=True),
    _decimal("NoAgencyFTE", "agency_cover_fte", 2, "an FTE with up to 2 decimal places", low=0, required=True),
    Item("NoAgencyHeadcount", "agency_cover_headcount", _read_int, "a whole number", required=True),
]
_LA_PAY = [_code(element, name, codes.NO_ALL_SOME, required=True) for element, name, _ in codes.LA_PAY_ITEMS] + [
    Item("OtherAllowances", "other_allowances", str, "text", required=True)
]


@dataclass(frozen=True)
class Layout:
    name: str
    la_element: str
    la_items: list
    worker_items: list


LAYOUT_2022 = Layout(
    "2021 to 2023",
    "LALevelVacancies",
    _LA_HEAD,
    [*_WORKER_HEAD, _code("GenderCurrent", "gender_current", codes.GENDER_CURRENT), *_WORKER_MIDDLE, _QUAL_INST,
     *_WORKER_ROLE, _CFKSS],
)  # fmt: skip
LAYOUT_2024 = Layout(
    "2024",
    "LALevelVacancies",
    _LA_HEAD,
    [*_WORKER_HEAD, _code("Sex", "sex", codes.SEX), *_WORKER_MIDDLE, _QUAL_INST, *_WORKER_ROLE, _CFKSS],
)
LAYOUT_2025 = Layout(
    "2025",
    "LALevel",
    _LA_HEAD + _LA_PAY,
    [*_WORKER_HEAD, _code("Sex", "sex", codes.SEX), *_WORKER_MIDDLE, *_WORKER_ROLE, *_PAY],
)


def layout_for_year(year):
    if year >= 2025:
        return LAYOUT_2025
    if year == 2024:
        return LAYOUT_2024
    return LAYOUT_2022


@dataclass
class CensusReturn:
    year: int | None = None
    la_code: str = ""
    la_level: dict = field(default_factory=dict)
    workers: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


def _name(element):
    return etree.QName(element).localname


def _children(element):
    return [child for child in element if isinstance(child.tag, str)]


def _text(element):
    return (element.text or "").strip()


def _read_items(parent, items, layout, worker=""):
    """Reads the children of `parent` against `items` in order. Returns (values, problems)."""
    values, problems = {}, []
    position = {item.element: index for index, item in enumerate(items)}
    by_name = {item.element: item for item in items}
    last_index, seen = -1, set()
    for child in _children(parent):
        name = _name(child)
        item = by_name.get(name)
        if item is None:
            problems.append(Problem(UNEXPECTED_ELEMENT.format(element=name, layout=layout.name), name, worker))
            continue
        index = position[name]
        if index < last_index:
            after = items[last_index].element
            problems.append(Problem(OUT_OF_ORDER.format(element=name, after=after), name, worker))
            continue
        if name in seen and not item.many:
            problems.append(Problem(REPEATED_ELEMENT.format(element=name), name, worker))
            continue
        last_index = index
        seen.add(name)
        text = _text(child)
        if item.many and not text:
            # An empty QualInst says that none is known (see census_return_xml).
            continue
        try:
            value = item.read(text)
        except (ValueError, KeyError, InvalidOperation):
            problems.append(Problem(BAD_VALUE.format(element=name, value=text, expected=item.expected), name, worker))
            continue
        reason = _storing_problem(item, value, worker)
        if reason:
            shown = text if len(text) <= 40 else text[:37] + "..."
            problems.append(
                Problem(TOO_LARGE_TO_STORE.format(element=name, value=shown, expected=item.expected, reason=reason),
                        name, worker)
            )  # fmt: skip
            continue
        if item.many:
            values.setdefault(item.field, []).append(value)
        else:
            values[item.field] = value
    for item in items:
        if item.required and item.element not in seen and not any(p.element == item.element for p in problems):
            problems.append(Problem(MISSING_ELEMENT.format(element=item.element), item.element, worker))
    return values, problems


def _entities_problem(root):
    """A problem for a return that declares a document type or holds an entity reference: neither
    is part of a census return, and an entity left unexpanded would read as an empty value."""
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        return Problem(HAS_DTD, "DOCTYPE")
    for entity in root.iter(etree.Entity):
        parent = entity.getparent()
        element = _name(parent) if parent is not None else "The file"
        return Problem(HAS_ENTITY.format(element=element, entity=entity.name), element)
    return None


def _storing_problem(item, value, worker):
    """Why the census's own tables cannot hold a value that reads well (an amount beyond its
    column's digits, a count beyond an integer, text beyond its length), or None."""
    from .models import CensusWorker, CensusYear

    model = CensusWorker if worker else CensusYear
    try:
        model_field = model._meta.get_field(item.field)
    except Exception:  # a value held elsewhere than in a field of its own
        return None
    values = value if item.many else [value]
    return next((problem for one in values if (problem := value_problem(model_field, one))), None)


def _read_header(root, census_return):
    header = root.find("Header")
    year_text = header.findtext("CollectionDetails/Year") if header is not None else None
    reference = header.findtext("CollectionDetails/ReferenceDate") if header is not None else None
    if year_text is None and reference:
        year_text = reference.strip()[:4]
    if year_text is None:
        census_return.problems.append(Problem(NO_YEAR, "Year"))
        return
    year_text = year_text.strip()
    if not re.fullmatch(r"\d{1,4}", year_text):
        census_return.problems.append(Problem(BAD_YEAR.format(value=year_text[:40]), "Year"))
        return
    if not CENSUS_YEARS[0] <= int(year_text) <= CENSUS_YEARS[1]:
        census_return.problems.append(Problem(BAD_YEAR_RANGE.format(value=year_text), "Year"))
        return
    census_return.year = int(year_text)
    lea = header.findtext("Source/LEA")
    if lea is not None:
        if re.fullmatch(r"\d{3}", lea.strip()):
            census_return.la_code = lea.strip()
        else:
            census_return.problems.append(Problem(BAD_LA_CODE.format(value=lea.strip()), "LEA"))


def census_return_read(content):
    """Reads a census return from bytes, no larger than the upload limit (core.imports.limits). A
    document type declaration or an entity is refused, never expanded or left to read as an empty
    value, and nothing is fetched from the network, whatever the file asks for."""
    census_return = CensusReturn()
    try:
        limits.size_check(len(content))
    except limits.LimitError as error:
        census_return.problems.append(Problem(str(error)))
        return census_return
    if b"<!DOCTYPE" in content:  # refused before parsing; the parsed tree is checked again below
        census_return.problems.append(Problem(HAS_DTD, "DOCTYPE"))
        return census_return
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        census_return.problems.append(Problem(NOT_WELL_FORMED.format(detail=error)))
        return census_return
    entity_problem = _entities_problem(root)
    if entity_problem:
        census_return.problems.append(entity_problem)
        return census_return
    if _name(root) != "Message":
        census_return.problems.append(Problem(WRONG_ROOT.format(found=_name(root))))
        return census_return
    _read_header(root, census_return)
    if census_return.year is None:
        return census_return
    layout = layout_for_year(census_return.year)
    workers_seen = 0
    children = _children(root)
    workers_total = sum(1 for child in children if _name(child) == "CSWWWorker")
    for child in children:
        name = _name(child)
        if name == "Header":
            continue
        if name == layout.la_element:
            census_return.la_level, problems = _read_items(child, layout.la_items, layout)
            census_return.problems.extend(problems)
        elif name == "CSWWWorker":
            workers_seen += 1
            swe = child.findtext("SWENo")
            worker = (swe or "").strip() or f"number {workers_seen} in the file (no SWENo)"
            values, problems = _read_items(child, layout.worker_items, layout, worker=worker)
            start, end = values.get("role_start_date"), values.get("role_end_date")
            if start and end and end < start:
                problems.append(Problem(ENDS_BEFORE_START.format(end=end, start=start), "RoleEndDate", worker))
            census_return.problems.extend(problems)
            census_return.workers.append(values)
            rows_read(workers_seen, workers_total)
        else:
            census_return.problems.append(Problem(UNEXPECTED_ELEMENT.format(element=name, layout=layout.name), name))
    if not census_return.la_level and not any(p.element == layout.la_element for p in census_return.problems):
        census_return.problems.append(Problem(MISSING_ELEMENT.format(element=layout.la_element), layout.la_element))
    if not workers_seen:
        census_return.problems.append(Problem(NO_WORKERS, "CSWWWorker"))
    rows_read(workers_seen, workers_seen, done=True)
    return census_return


def _worker_value(worker, item, layout):
    """The value to write for one element, bridging GenderCurrent and Sex where the meaning is
    the same (1 is M, 2 is F)."""
    value = getattr(worker, item.field)
    if item.field == "sex" and not value:
        value = codes.SEX_FROM_GENDER.get(worker.gender_current, "")
    if item.field == "gender_current" and not value:
        value = codes.GENDER_FROM_SEX.get(worker.sex, "")
    return value


def _append(parent, item, value):
    values = value if item.many else [value]
    for one in values:
        etree.SubElement(parent, item.element).text = item.write(one)


def census_return_xml(*, census_year, workers, generated_at=None):
    """The return for one census year in that year's layout, as bytes (UTF-8 with a declaration)."""
    layout = layout_for_year(census_year.year)
    generated_at = generated_at or timezone.now()
    root = etree.Element("Message")
    header = etree.SubElement(root, "Header")
    details = etree.SubElement(header, "CollectionDetails")
    etree.SubElement(details, "Collection").text = "CSWW"
    etree.SubElement(details, "Year").text = str(census_year.year)
    etree.SubElement(details, "ReferenceDate").text = census_year.reference_date.isoformat()
    source = etree.SubElement(header, "Source")
    etree.SubElement(source, "SourceLevel").text = "L"
    etree.SubElement(source, "LEA").text = census_year.authority.la_code
    etree.SubElement(source, "SoftwareCode").text = SOFTWARE_CODE
    moment = timezone.localtime(generated_at) if timezone.is_aware(generated_at) else generated_at
    etree.SubElement(source, "DateTime").text = moment.replace(microsecond=0, tzinfo=None).isoformat()
    la_level = etree.SubElement(root, layout.la_element)
    for item in layout.la_items:
        # Every LA-level element is required; one not yet recorded is written as nothing (or 0
        # for a number) and the pre-submission checks report it.
        value = getattr(census_year, item.field)
        _append(la_level, item, 0 if value is None else value)
    for worker in workers:
        element = etree.SubElement(root, "CSWWWorker")
        for item in layout.worker_items:
            value = _worker_value(worker, item, layout)
            if item.field == "qualification_institutions" and not value:
                # The 2021 to 2024 layouts require QualInst even where none is known (an agency
                # worker, say): an empty element says so.
                value = [""]
            if value is None or value == "" or value == []:
                continue
            _append(element, item, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
