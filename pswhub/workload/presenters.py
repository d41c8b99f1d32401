"""Display rules for workload pages: the worker table, the team figures and the trend chart."""

from pswhub.core.presenters import govuk_date, number, percent

OVER_CAPACITY = {"text": "Over capacity", "classes": "govuk-tag--red"}
WITHIN_CAPACITY = {"text": "Within capacity", "classes": "govuk-tag--green"}
NO_SCHEME = "No weighting scheme"
ASSUMED_FULL_TIME = "1 (assumed)"
ASSUMED_FULL_TIME_NOTE = "FTE 1 (assumed): no FTE is recorded for them, so they are counted as full time."


def case_type_columns(lines, case_types):
    """The case types any of the lines holds, in reference order, so the table stays narrow."""
    held = {case_type for line in lines for case_type, count in line.by_type.items() if count}
    return [case_type for case_type in case_types if case_type.code in held]


def capacity_tag(line):
    if line.capacity is None:
        return None
    return OVER_CAPACITY if line.over_capacity else WITHIN_CAPACITY


def fte_text(line):
    return number(line.fte) if line.fte_recorded else ASSUMED_FULL_TIME


def worker_cells(line, columns):
    """One worker's numbers: cases by type, total cases, FTE, points, capacity and percentage."""
    by_type = line.by_type
    return {
        "name": line.staff_member.full_name,
        "early_career": line.early_career,
        "snapshot_date": govuk_date(line.snapshot_date),
        "by_type": [number(by_type.get(case_type.code, 0)) for case_type in columns],
        "cases": number(line.cases),
        "fte": fte_text(line),
        "points": number(line.weighted_points) if line.weighted_points is not None else NO_SCHEME,
        "capacity": number(line.capacity) if line.capacity is not None else "",
        "percent": percent(line.percent_of_capacity),
        "tag": capacity_tag(line),
    }


def team_figures(workload):
    """The team's figures as (label, value) pairs, in the order the page shows them."""
    average = workload.average_caseload
    target = workload.target_caseload
    rows = [
        ("Case holders", number(len(workload.case_holders))),
        ("Cases", number(workload.cases)),
        ("FTE of case holders", number(workload.case_holder_fte)),
        ("Average caseload", number(average, 1) if average is not None else "No cases"),
        ("Target average caseload", number(target, 1) if target is not None else NO_SCHEME),
    ]
    if workload.capacity is not None:
        rows += [
            ("Weighted workload (points)", number(workload.weighted_points)),
            ("Capacity (points)", number(workload.capacity)),
            ("Weighted workload against capacity", percent(workload.percent_of_capacity)),
            ("Workers over capacity", number(len(workload.over))),
        ]
    return rows


def month_label(on):
    return f"{on.day} {on:%b %Y}"


def trend_chart(*, team, trend, target):
    """The team's average caseload at each snapshot date, with the target where there is one."""
    values = [float(value) if value is not None else None for _on, value in trend]
    return {
        "title": f"{team.name}: average caseload at each snapshot date",
        "description": (
            f"Average caseload per full-time case holder in {team.name} at each of its last {len(trend)} snapshot "
            "dates" + (f", against a target of {number(target, 1)}." if target is not None else ".")
        ),
        "categories": [month_label(on) for on, _value in trend],
        "series": [{"name": "Average caseload", "values": values}],
        "unit": "cases",
        "places": 1,
    }


def scheme_point_rows(scheme, case_types, levels):
    """The scheme's points as [case type name, complexity name, points], in reference order."""
    return [
        [case_type.name, level.name, number(scheme.points[(case_type.code, level.code)])]
        for case_type in case_types
        for level in levels
        if (case_type.code, level.code) in scheme.points
    ]
