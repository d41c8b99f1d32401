"""How the agency pages show engagements and figures: money, rates and the rows of each table."""

from pswhub.core.presenters import SUPPRESSED, govuk_date, number, percent

from .models import CoverReason
from .selectors import cap_in_force, is_over_cap

REASONS = dict(CoverReason.choices)
SHORT_REASONS = {"vacancy": "Vacancy", "maternity": "Maternity", "sickness": "Sickness", "project": "Project"}


def pounds(value, places=0):
    """£12,345 (or £42.50 an hour with places=2); `c` stays `c`; None is "Not recorded"."""
    if value is None:
        return "Not recorded"
    if value == SUPPRESSED:
        return SUPPRESSED
    return f"£{value:,.{places}f}"


def figure_rows(figures):
    """The figures table's rows: (label, value as text)."""
    cap = figures["price_cap"]
    rows = [
        (f"Agency social workers on {govuk_date(figures['on'])} (headcount)", number(figures["headcount"])),
        ("Agency social workers (FTE)", number(figures["fte"])),
        ("Covering vacancies (headcount)", number(figures["covering_vacancies"])),
        ("Share covering vacancies", percent(figures["vacancy_share"]) or "Not known: no agency social workers"),
        (f"Spend, {figures['period'].label}", pounds(figures["spend"])),
        ("Regional price cap", f"{pounds(cap, 2)} an hour" if cap is not None else "Not recorded"),
    ]
    if cap is not None:
        rows.append(("Engagements charged above the cap", number(figures["over_cap"])))
    return rows


def reason_rows(figures):
    return [(REASONS[reason], number(count)) for reason, count in figures["by_reason"].items()]


def engagement_row(engagement, caps, on):
    """One engagement as its list shows it; its rate is set against the cap in force on its last
    day (today while it continues)."""
    last_day = min(on, engagement.ends_on) if engagement.ends_on else on
    cap = cap_in_force(caps, max(last_day, engagement.starts_on))
    return {
        "engagement": engagement,
        "worker": engagement.worker,
        "agency": engagement.agency,
        "team": engagement.team.name,
        "reason": SHORT_REASONS[engagement.cover_reason],
        "starts_on": govuk_date(engagement.starts_on),
        "ends_on": govuk_date(engagement.ends_on) if engagement.ends_on else "Continuing",
        "in_force": engagement.starts_on <= on and (engagement.ends_on is None or engagement.ends_on >= on),
        "rate": pounds(engagement.hourly_rate, 2),
        "over_cap": is_over_cap(engagement, cap),
        "fte": number(engagement.fte),
        "role": engagement.get_org_role_display(),
        "years_qualified": "" if engagement.years_qualified is None else number(engagement.years_qualified),
    }
