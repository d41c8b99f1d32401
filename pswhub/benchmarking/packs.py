"""Regional network packs: the council's published headline figures, exported for the other
councils of its region (CSV and JSON), and the packs they send, read back and set side by side.

A pack holds what the annual report publishes (each report section's headline figures, through
the section contract in core.report_sections), so it is disclosure-controlled exactly as a
councillor sees it: a hidden figure is `c` in the pack too."""

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date

from pswhub.core.imports.pipeline import Importer, write_or_rehearse
from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import TableError, table_read, text_decode
from pswhub.core.periods import Period, financial_year_of, year_label
from pswhub.core.report_sections import build_sections

from .models import NetworkPack, PackUpload

FORMAT = "psw-hub-network-pack"
VERSION = 1
CSV_COLUMNS = ["council", "la_code", "period", "made_on", "section", "figure", "value"]
MAX_FIGURES = 2000

NOT_A_PACK = "The file is not a PSW Hub network pack: {detail}"
BAD_DATE = "{value!r} is not a date like 2026-05-31"
NO_COUNCIL = "The pack does not name its council"
MIXED_PACK = "Every row of a pack names the same council, period and date; row {row} does not"
TOO_MANY = "A pack holds at most {limit} figures"
BAD_VALUE = "{value!r} is not a figure: a number, c, or empty"


def _scalar(value):
    return value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))


def pack_figures(period, services="all"):
    """[{"section", "figure", "value"}] of every report section's headline figures for `period`,
    as the published report shows them."""
    figures = []
    for section in build_sections(period, services):
        for name, value in section.figures.items():
            if _scalar(value):
                figures.append({"section": section.title, "figure": name, "value": value})
    return figures


def pack_for(*, authority, year, made_on=None):
    """The council's pack for financial year `year`, as a dict (the JSON form)."""
    period = Period.financial_year(year)
    return {
        "format": FORMAT,
        "version": VERSION,
        "council": authority.name if authority else "",
        "la_code": authority.la_code if authority else "",
        "period": year_label(year),
        "made_on": (made_on or date.today()).isoformat(),
        "figures": pack_figures(period),
    }


def pack_json(pack):
    return json.dumps(pack, indent=1, default=str).encode("utf-8")


def pack_csv(pack):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for figure in pack["figures"]:
        value = "" if figure["value"] is None else figure["value"]
        writer.writerow(
            [
                pack["council"],
                pack["la_code"],
                pack["period"],
                pack["made_on"],
                figure["section"],
                figure["figure"],
                value,
            ]
        )
    return out.getvalue().encode("utf-8")


def default_year(today=None):
    """The last complete financial year."""
    return financial_year_of(today or date.today()) - 1


# Reading a pack -----------------------------------------------------------------------------------


@dataclass
class CheckedPack:
    pack: dict | None = None
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return self.pack is not None and not self.problems


def _date(text, problems, row=None):
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        problems.append(Problem(row, "made_on", BAD_DATE.format(value=text)))
        return None


def _value(text, problems, row, column="value"):
    if text is None or text == "":
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return text
    text = str(text).strip()
    if text == "c":
        return text
    try:
        number = float(text)
    except ValueError:
        problems.append(Problem(row, column, BAD_VALUE.format(value=text)))
        return None
    return int(number) if number.is_integer() and "." not in text else number


def _read_json(content):
    problems = []
    try:
        raw = json.loads(text_decode(content))
    except (ValueError, TableError) as error:
        return CheckedPack(None, [Problem(None, "", NOT_A_PACK.format(detail=str(error)[:200]))])
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("figures"), list):
        return CheckedPack(None, [Problem(None, "", NOT_A_PACK.format(detail="it has no format or figures"))])
    figures = []
    for index, item in enumerate(raw["figures"], start=1):
        if not isinstance(item, dict):
            problems.append(Problem(index, "figures", NOT_A_PACK.format(detail="a figure is not an object")))
            continue
        figures.append(
            {
                "section": str(item.get("section", ""))[:200],
                "figure": str(item.get("figure", ""))[:100],
                "value": _value(item.get("value"), problems, index),
            }
        )
    return _checked(
        raw.get("council"), raw.get("la_code", ""), raw.get("period", ""), raw.get("made_on", ""), figures, problems
    )


def _read_csv(content, file_name):
    problems = []
    try:
        header, rows = table_read(content=content, file_name=file_name)
    except TableError as error:
        return CheckedPack(None, [Problem(None, "", str(error))])
    header = [cell.strip() for cell in header]
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        return CheckedPack(
            None, [Problem(None, column, NOT_A_PACK.format(detail=f"no {column} column")) for column in missing]
        )
    index = {column: header.index(column) for column in CSV_COLUMNS}
    figures, first = [], None
    for number, cells in enumerate(rows, start=2):
        cells = cells + [""] * (len(header) - len(cells))
        row = {column: cells[index[column]].strip() for column in CSV_COLUMNS}
        key = (row["council"], row["la_code"], row["period"], row["made_on"])
        first = first or key
        if key != first:
            problems.append(Problem(number, "council", MIXED_PACK.format(row=number)))
            continue
        figures.append(
            {
                "section": row["section"][:200],
                "figure": row["figure"][:100],
                "value": _value(row["value"], problems, number),
            }
        )
    if first is None:
        return CheckedPack(None, [Problem(None, "", NOT_A_PACK.format(detail="it has no figures"))])
    return _checked(*first, figures, problems)


def _checked(council, la_code, period, made_on, figures, problems):
    if not council or not str(council).strip():
        problems.append(Problem(None, "council", NO_COUNCIL))
    if len(figures) > MAX_FIGURES:
        problems.append(Problem(None, "", TOO_MANY.format(limit=MAX_FIGURES)))
    made = _date(made_on, problems)
    pack = {
        "council": str(council or "").strip()[:200],
        "la_code": str(la_code or "").strip()[:40],
        "period": str(period or "").strip()[:40],
        "made_on": made,
        "figures": figures,
    }
    return CheckedPack(pack, problems)


def pack_read(*, content, file_name):
    stripped = content.lstrip()[:1]
    if file_name.lower().endswith(".json") or stripped in (b"{", b"["):
        return _read_json(content)
    return _read_csv(content, file_name)


@dataclass
class PackResult:
    rows: int = 0
    figures: int = 0
    dry_run: bool = False


def _pack_write(checked, *, changed_by=None, dry_run):
    def write():
        pack = checked.pack
        NetworkPack.objects.update_or_create(
            council=pack["council"],
            period=pack["period"],
            made_on=pack["made_on"],
            defaults={
                "la_code": pack["la_code"],
                "figures": pack["figures"],
                "upload": getattr(checked, "upload", None),
            },
        )
        return PackResult(rows=1, figures=len(pack["figures"]))

    return write_or_rehearse(write, dry_run=dry_run)


def _pack_read(*, content, file_name):
    return pack_read(content=content, file_name=file_name)


class _PackImporter(Importer):
    def confirm(self, *, upload, confirmed_by=None, now=None):
        from pswhub.core.imports.pipeline import upload_confirm

        def read(held):
            checked = self.read(content=bytes(held.content), file_name=held.file_name)
            checked.upload = held
            return checked

        return upload_confirm(
            upload=upload,
            read=read,
            write=lambda checked: self.write(checked, changed_by=confirmed_by, dry_run=False),
            confirmed_by=confirmed_by,
            now=now,
        )


PACKS = _PackImporter(model=PackUpload, read=_pack_read, write=_pack_write)


def packs_side_by_side(packs=None):
    """The latest pack of each council, side by side: columns (council, period, date) and rows
    (section, figure, one value per column; None where a council's pack has no such figure)."""
    packs = list(packs if packs is not None else NetworkPack.objects.all())
    latest = {}
    for pack in sorted(packs, key=lambda pack: pack.made_on):
        latest[(pack.council, pack.period)] = pack
    columns = sorted(latest.values(), key=lambda pack: (pack.council, pack.period))
    order, values = [], {}
    for index, pack in enumerate(columns):
        for figure in pack.figures:
            key = (figure["section"], figure["figure"])
            if key not in values:
                order.append(key)
                values[key] = [None] * len(columns)
            values[key][index] = figure["value"]
    return {
        "columns": [{"council": pack.council, "period": pack.period, "made_on": pack.made_on} for pack in columns],
        "rows": [
            {"section": section, "figure": figure, "values": values[(section, figure)]} for section, figure in order
        ],
    }
