"""The report's frame: the order of its parts as the seeds put them before their committees (seed
004 is the model, 003 and 001 the others), the sections the PSW writes alone, the priorities for
the year ahead, and the checks that keep the sections from contradicting one another.

The parts, in order:

1. Purpose of the report.
2. Information: the PSW's introduction; the role and its statutory context; about the figures
   (one date rule, stated); a summary of the year (each section's headline sentence); one section
   per capability, in the seeds' order: workforce, caseloads and workload, practice quality and
   audits, routes in and early careers, registration and learning, the health check and its plan,
   peer reviews, regional and national networks, joint adults' and children's work; progress
   against this year's priorities; the priorities for the year ahead; committee actions;
   conclusion.
3. The formal paragraphs: other options considered, reasons, statutory and policy implications,
   financial implications, recommendations, contact, background papers.

A section registered under a key this module does not know (a capability added later) goes after
the known section whose `order` comes before its own, so it needs no change here."""

from pswhub.core.periods import financial_year_of, year_label
from pswhub.core.report_sections import build_section, frame_source, registered_sections

# The sections the PSW writes in the draft, with no figures: their text is kept in the draft's
# narratives under these keys, and a section left empty is left out of the report.
NARRATIVE_ONLY = {
    "peer_reviews": (
        "Peer reviews",
        "Peer reviews of practice the council took part in or hosted, what they found and what changed.",
    ),
    "networks": (
        "Regional and national networks",
        "The PSW's part in the regional and national Principal Social Worker networks.",
    ),
    "joint_working": (
        "Joint adults' and children's work",
        "Work the adults' and children's Principal Social Workers did together.",
    ),
}
PRIORITIES_AHEAD = "priorities_ahead"
CONCLUSION = "conclusion"

# Where each known part stands. Registered sections use their key; the narrative-only sections
# and the priorities for the year ahead are the frame's own.
RANK = {
    "workforce": 10,
    "workload": 20,
    "caseloads": 20,
    "audits": 30,
    "people_development": 40,
    "registration_renewal": 50,
    "learning": 51,
    "learning_topics": 52,
    "supervision": 53,
    "schwartz_rounds": 54,
    "health_check": 60,
    "peer_reviews": 70,
    "networks": 80,
    "joint_working": 90,
    "work_plan": 100,
    PRIORITIES_AHEAD: 110,
    "committee_actions": 120,
}
# The parts a PSW may leave out of the report: every section (registered or narrative-only).
LEFT_OUT_NOTE = "left out of the report by the PSW"


def ordered_sections(sections=None):
    """The registered sections in the frame's order. An unknown key goes just after the known
    section with the highest `order` at or below its own (and first when there is none)."""
    sections = list(registered_sections() if sections is None else sections)
    known = sorted((section.order, RANK[section.key]) for section in sections if section.key in RANK)

    def rank(section):
        if section.key in RANK:
            return (RANK[section.key], 0, section.order, section.key)
        before = [position for order, position in known if order <= section.order]
        return (max(before) if before else 0, 1, section.order, section.key)

    return sorted(sections, key=rank)


def part_keys():
    """Every part's key in the frame's order, narrative-only sections and the priorities ahead
    included: the order the document is laid out in."""
    keys = [section.key for section in ordered_sections()]
    for key in [*NARRATIVE_ONLY, PRIORITIES_AHEAD]:
        before = [other for other in keys if RANK.get(other, 0) < RANK[key]]
        keys.insert(keys.index(before[-1]) + 1 if before else 0, key)
    return keys


def section_titles():
    """{key: title} of every part the PSW may write or leave out."""
    titles = {section.key: section.title for section in registered_sections()}
    titles.update({key: title for key, (title, _) in NARRATIVE_ONLY.items()})
    return titles


def build_all(period, services, *, options=None, narratives=None, left_out=()):
    """The sections' data in the frame's order, as plain dicts for the snapshot, each with the
    PSW's narrative if written and `kind` ("figures" or "narrative"). Parts the PSW left out are
    not built at all."""
    narratives = narratives or {}
    built = {}
    for section in ordered_sections():
        if section.key in left_out:
            continue
        data = build_section(section, period, services, options).as_dict()
        if narratives.get(section.key, "").strip():
            data["narrative"] = narratives[section.key]
        data["kind"] = "figures"
        built[section.key] = data
    for key, (title, _) in NARRATIVE_ONLY.items():
        text = narratives.get(key, "").strip()
        if key in left_out or not text:
            continue
        built[key] = {"key": key, "title": title, "kind": "narrative", "narrative": text}
    return [built[key] for key in part_keys() if key in built]


def _nothing(values):
    return bool(values) and all(value == 0 or value is None for value in values)


def is_empty(section, period_label=None):
    """True when a section has nothing to show: it says what is missing, its chart holds nothing
    but zeros, or the chart's series for the report's own period (named by its label) does. A
    chart of zeros is never drawn, and "0 of the 0 priorities" is never written."""
    if section.get("missing"):
        return True
    chart = section.get("chart")
    if not chart:
        return False
    if _nothing([value for series in chart["series"] for value in series["values"]]):
        return True
    return any(series["name"] == period_label and _nothing(series["values"]) for series in chart["series"])


def missing_sentence(section, period_label):
    """The one sentence an empty section shows in place of its figures."""
    if section.get("missing"):
        return section["missing"]
    unit = (section.get("chart") or {}).get("unit") or "figures"
    return f"PSW Hub holds no {unit} for {period_label}, so this section has no figures to show."


def priorities_ahead(period, services):
    """Next year's work plan (the governance app's `priority_list`, offered through core's frame
    sources): the priorities of the financial year after the one the period ends in."""
    year = financial_year_of(period.end) + 1
    items = [
        {
            "title": priority.title,
            "description": priority.description,
            "measures": priority.measures,
            "owner": priority.owner.get_full_name() if priority.owner else "",
        }
        for priority in frame_source("priorities")(year_start=year, services=services)
    ]
    return {"label": year_label(year), "items": items}


def _shared(sections):
    """{(population, on): {section key: value}} of every figure the sections declare in `counts`."""
    seen = {}
    for section in sections:
        for count in section.get("counts") or []:
            key = (count["population"].strip().lower(), count["on"])
            seen.setdefault(key, {})[section["key"]] = count["value"]
    return seen


def _words(sections):
    """{population lowered: the population as the first section to give it wrote it}."""
    words = {}
    for section in sections:
        for count in section.get("counts") or []:
            words.setdefault(count["population"].strip().lower(), count["population"].strip())
    return words


def counts_compared(sections):
    """The figures (population, on) that two or more sections give, and so the coherence check
    compares: a report whose sections share none has nothing to check."""
    return sorted(key for key, values in _shared(sections).items() if len(values) > 1)


def counts_disagreeing(sections):
    """The figures two sections give differently for the same population on the same day (or
    over the same period): `[(population, on, {section key: value})]`. Empty when the report is
    coherent."""
    return [
        (population, on, values)
        for (population, on), values in sorted(_shared(sections).items())
        if len({str(value) for value in values.values()}) > 1
    ]


def when_words(on):
    """ "on 30 September 2025", or "from 1 April 2025 to 31 March 2026" for a period."""
    from datetime import date

    from pswhub.core.presenters import govuk_date

    if "/" in on:
        start, end = (date.fromisoformat(part) for part in on.split("/"))
        return f"from {govuk_date(start)} to {govuk_date(end)}"
    return f"on {govuk_date(date.fromisoformat(on))}"


def disagreement_sentences(sections):
    """What the PSW reads before publishing when two sections disagree, one sentence for each
    figure, naming every section that gives it and what it gives: "Children's social workers in
    post (headcount) on 30 September 2023: 113 in “Social work workforce” and 118 in “Benchmarks:
    the council beside its region and England”." """
    from pswhub.core.presenters import number

    titles = {section["key"]: section.get("title", section["key"]) for section in sections}
    words = _words(sections)
    sentences = []
    for population, on, values in counts_disagreeing(sections):
        given = [
            f"{'no figure' if value is None else number(value)} in “{titles[key]}”" for key, value in values.items()
        ]
        name = words[population]
        listed = f"{', '.join(given[:-1])} and {given[-1]}"
        sentences.append(f"{name[0].upper()}{name[1:]} {when_words(on)}: {listed}.")
    return sentences
