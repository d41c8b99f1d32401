"""Reads of agency engagements and their figures (docs/agency.md, docs/figures.md "Agency social
workers"). Every figure is worked out here, from the engagements the caller passes (already
scoped to what the reader may see), with core.figures' rounding."""

from collections import Counter
from decimal import Decimal

from pswhub.core.agency_engagements import AgencyEngagement
from pswhub.core.disclosure import is_small, suppress_counts
from pswhub.core.figures import rate, round_half_up
from pswhub.core.presenters import SUPPRESSED

from .models import FULL_TIME_HOURS, CoverReason, Engagement, PriceCap


def engagements_for(user, *, service=None):
    """The engagements the user may see, newest first, with what their list shows."""
    engagements = Engagement.objects.visible_to(user).select_related("team", "staff_member")
    if service in ("children", "adults"):
        engagements = engagements.filter(team__service__kind=service)
    return engagements


def price_caps():
    return PriceCap.objects.all()


def price_cap_on(day):
    """The regional price cap in force on a day (the latest to start on or before it), or None."""
    return PriceCap.objects.filter(starts_on__lte=day).order_by("-starts_on").first()


def cap_in_force(caps, day):
    """Of `caps` (newest first, as price_caps gives them), the one in force on `day`, or None."""
    return next((cap for cap in caps if cap.starts_on <= day), None)


def is_over_cap(engagement, cap):
    return cap is not None and engagement.hourly_rate > cap.hourly_rate


def engagement_spend(engagement, start, end):
    """What an engagement is charged for the days from `start` to `end` (both included) that it is
    in force: hourly rate × FTE × 37 hours a week × the days / 7. Not rounded."""
    first = max(start, engagement.starts_on)
    last = min(end, engagement.ends_on or end)
    if last < first:
        return Decimal(0)
    days = (last - first).days + 1
    return engagement.hourly_rate * engagement.fte * FULL_TIME_HOURS * days / 7


def agency_figures(*, engagements, on, period):
    """The agency figures from `engagements` (a queryset): headcount, FTE, the share covering
    vacancies, by cover reason and over the price cap, all of the engagements in force on `on`;
    and the spend over `period`, in whole pounds (rounded half up)."""
    in_force = list(engagements.in_force_on(on))
    cap = price_cap_on(on)
    headcount = len(in_force)
    reasons = Counter(engagement.cover_reason for engagement in in_force)
    overlapping = engagements.overlapping(period.start, period.end)
    spend = sum((engagement_spend(engagement, period.start, period.end) for engagement in overlapping), Decimal(0))
    return {
        "on": on,
        "period": period,
        "headcount": headcount,
        "fte": round_half_up(sum((engagement.fte for engagement in in_force), Decimal(0)), 2),
        "covering_vacancies": reasons[CoverReason.VACANCY],
        "vacancy_share": rate(reasons[CoverReason.VACANCY], headcount),
        "by_reason": {reason.value: reasons[reason.value] for reason in CoverReason},
        "spend": round_half_up(spend, 0),
        "price_cap": cap.hourly_rate if cap else None,
        "over_cap": sum(1 for engagement in in_force if is_over_cap(engagement, cap)) if cap else None,
    }


def agency_figures_suppressed(figures):
    """The figures as a councillor (or the published report) may see them (core.disclosure): the
    counts by cover reason add up to the headcount, so they are suppressed as a group with it;
    what is worked out from a hidden count is hidden with it (FTE and spend with the headcount,
    the share with the count covering vacancies); a small count over the cap is hidden."""
    shown = dict(figures)
    counts = suppress_counts(dict(figures["by_reason"]))
    shown["headcount"] = counts.pop("total")
    shown["by_reason"] = counts
    shown["covering_vacancies"] = counts[CoverReason.VACANCY]
    if shown["headcount"] == SUPPRESSED:
        shown["fte"] = shown["spend"] = SUPPRESSED
    if SUPPRESSED in (shown["headcount"], shown["covering_vacancies"]):
        shown["vacancy_share"] = SUPPRESSED
    if figures["over_cap"] is not None and (is_small(figures["over_cap"]) or shown["headcount"] == SUPPRESSED):
        shown["over_cap"] = SUPPRESSED
    return shown


def figures_day(today, period):
    """The day the figures at a date are read for a period: its last day, or today if sooner."""
    return min(today, period.end)


def engagements_for_core(*, start, end, team_ids):
    """Registered with core (`pswhub.core.agency_engagements`) so that the layers below read
    engagements (the census build): every engagement in one of `team_ids` in force on at least one
    day from `start` to `end`, as AgencyEngagement rows ordered by staff record and start, read in
    one query without model instances."""
    rows = (
        Engagement.objects.overlapping(start, end)
        .filter(team_id__in=team_ids)
        .order_by("staff_member_id", "starts_on", "pk")
        .values_list(
            "pk", "staff_member_id", "worker_name", "agency", "team_id", "team__name", "starts_on", "ends_on", "fte",
            "org_role",
        )
    )  # fmt: skip
    return [
        AgencyEngagement(pk, staff_id, worker_name or "Not named", *rest) for pk, staff_id, worker_name, *rest in rows
    ]
