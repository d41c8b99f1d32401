"""People counted by a census code or by age band, sex and ethnicity: the counting rules of the
breakdowns (leavers by reason, starters by origin), the newly qualified starters' profile and the
equality profile (`breakdowns.census_year_breakdowns`)."""

from collections import Counter

from pswhub.core import disclosure

from .. import codes

AGE_BANDS = [
    (0, 29, "Under 30"),
    (30, 39, "30 to 39"),
    (40, 49, "40 to 49"),
    (50, 59, "50 to 59"),
    (60, 200, "60 and over"),
]
AGE_ORDER = [name for _, _, name in AGE_BANDS] + ["Not recorded"]
SEX_NOT_KNOWN = "Not known or not specified"


def people_by(lines, field, choices):
    """People (by SWE number, each once, by their first line) counted by a coded field, largest
    group first; a blank code is "Not recorded"."""
    first = {}
    for line in lines:
        first.setdefault(line.swe_number, getattr(line, field))
    counts = Counter(codes.label(choices, code) if code else "Not recorded" for code in first.values())
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _age_on(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band(born, on):
    if born is None:
        return "Not recorded"
    years = _age_on(born, on)
    return next(name for low, high, name in AGE_BANDS if low <= years <= high)


def sex_label(line):
    """The census's Sex (2025 layout) or, before it, GenderCurrent 1/2 read as male/female."""
    code = line.sex or codes.SEX_FROM_GENDER.get(line.gender_current, "")
    return codes.label(codes.SEX, code) if code else SEX_NOT_KNOWN


def profile_counts(lines, reference, *, ethnicity=True, suppress=True):
    """People (each once, by their first line) by age band at `reference`, sex and, if asked,
    ethnicity; each group disclosure-controlled when `suppress`, else with its total."""
    people = {}
    for line in lines:
        people.setdefault(line.swe_number, line)
    age = Counter(age_band(person.date_of_birth, reference) for person in people.values())
    groups = {
        "age": {band: age[band] for band in AGE_ORDER if age[band]},
        "sex": dict(Counter(sex_label(person) for person in people.values()).most_common()),
    }
    if ethnicity:
        groups["ethnicity"] = dict(
            Counter(
                codes.label(codes.ETHNICITY, person.ethnicity) if person.ethnicity else "Not recorded"
                for person in people.values()
            ).most_common()
        )
    if suppress:
        return {key: disclosure.suppress_counts(counts) for key, counts in groups.items()}
    return {key: counts | {"total": sum(counts.values())} for key, counts in groups.items()}
