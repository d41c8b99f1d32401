"""The learning, Schwartz Rounds, supervision and topics sections of the annual report, built
from this app's selectors through the section contract (docs/reporting.md). Counts of events
describe the council's offer, not people, so they are not suppressed; supervision is given as a
council-level rate."""

from pswhub.core.presenters import govuk_date, percent
from pswhub.core.report_sections import Chart, SectionData, Table, compare, shared_figure

from . import reference, selectors, supervision

KIND_NAMES = dict(reference.EVENT_KINDS)


def _two_years(rows, previous_label, label, *, title, description, unit):
    return Chart(
        title=title,
        description=description
        + " "
        + " ".join(f"{r[0]}: {r[1]} in {previous_label} and {r[2]} in {label}." for r in rows),
        categories=[row[0] for row in rows],
        series=[
            {"name": previous_label, "values": [row[1] for row in rows]},
            {"name": label, "values": [row[2] for row in rows]},
        ],
        unit=unit,
    )


def _rounds_held(previous, period, held_before, held_now):
    """The Schwartz Rounds held in each period, which both the learning section (its row of
    events by kind) and the Schwartz Rounds section give, for the report's coherence check."""
    return [
        shared_figure("schwartz_rounds_held", value=held_before, period=previous),
        shared_figure("schwartz_rounds_held", value=held_now, period=period),
    ]


def _figures(period, services):
    previous = period.previous()
    now = selectors.learning_figures(start=period.start, end=period.end, services=services)
    before = selectors.learning_figures(start=previous.start, end=previous.end, services=services)
    return previous, now, before


class LearningSection:
    key = "learning"
    title = "Learning and development"
    order = 100

    def build(self, period, services):
        previous, now, before = _figures(period, services)
        if not now["events_held"]:
            return _empty(self, f"PSW Hub holds no learning events held in {period.label}.")
        rows = [
            [KIND_NAMES[code], before["sessions_by_kind"][code], now["sessions_by_kind"][code]]
            for code in reference.EVENT_KIND_CODES
        ]
        rows.append(["All events", before["events_held"], now["events_held"]])
        return SectionData(
            key=self.key,
            title=self.title,
            figures={
                "events_held": now["events_held"],
                "booked": now["booked"],
                "attended": now["attended"],
                "joint_sessions": now["joint_sessions"],
                "evaluation_score": None if now["evaluation_score"] is None else str(now["evaluation_score"]),
                "events_held_previous": before["events_held"],
                "attended_previous": before["attended"],
                **{f"sessions_{code}": count for code, count in now["sessions_by_kind"].items()},
            },
            comparison=compare(
                current=now["events_held"],
                previous=before["events_held"],
                previous_label=previous.label,
                unit="learning events",
                what=f"were held in {period.label}",
            ),
            narrative=(
                f"{now['attended'] or 0:,} places were taken up at {now['events_held']:,} events, "
                f"{now['joint_sessions']:,} of them for children's and adults' services together."
            ),
            chart=_two_years(
                rows[:-1],
                previous.label,
                period.label,
                title=f"Learning events by kind, {previous.label} and {period.label}",
                description="Bar chart of learning events held, by kind.",
                unit="events",
            ),
            table=Table(
                caption="Learning events held, by kind",
                head=["Kind", previous.label, period.label],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                "Bookings and attendance are the organisers' counts where recorded, otherwise the people named; "
                "events where neither is known are left out of the totals."
            ],
            counts=_rounds_held(
                previous,
                period,
                before["sessions_by_kind"][reference.SCHWARTZ_ROUND],
                now["sessions_by_kind"][reference.SCHWARTZ_ROUND],
            ),
        )


class SchwartzRoundsSection:
    key = "schwartz_rounds"
    title = "Schwartz Rounds"
    order = 101

    def build(self, period, services):
        previous, now, before = _figures(period, services)
        if not now["schwartz_rounds"]:
            return _empty(self, f"PSW Hub holds no Schwartz Rounds held in {period.label}.")
        rows = [
            ["Schwartz Rounds held", before["schwartz_rounds"], now["schwartz_rounds"]],
            ["Joint adults' and children's Rounds", before["joint_schwartz_rounds"], now["joint_schwartz_rounds"]],
        ]
        return SectionData(
            key=self.key,
            title=self.title,
            figures={
                "schwartz_rounds": now["schwartz_rounds"],
                "joint_schwartz_rounds": now["joint_schwartz_rounds"],
                "schwartz_rounds_previous": before["schwartz_rounds"],
            },
            comparison=compare(
                current=now["schwartz_rounds"],
                previous=before["schwartz_rounds"],
                previous_label=previous.label,
                unit="Schwartz Rounds",
                what=f"were held in {period.label}, {now['joint_schwartz_rounds']} of them joint",
            ),
            chart=_two_years(
                rows,
                previous.label,
                period.label,
                title=f"Schwartz Rounds, {previous.label} and {period.label}",
                description="Bar chart of Schwartz Rounds held.",
                unit="Rounds",
            ),
            table=Table(
                caption="Schwartz Rounds held",
                head=["", previous.label, period.label],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            counts=_rounds_held(previous, period, before["schwartz_rounds"], now["schwartz_rounds"]),
        )


class SupervisionSection:
    key = "supervision"
    title = "Supervision"
    order = 102

    def build(self, period, services):
        previous = period.previous()
        if not supervision.sessions_recorded(start=period.start, end=period.end):
            return _empty(self, f"PSW Hub holds no supervision sessions for {period.label}.")
        now = supervision.supervision_compliance(on=period.end, services=services)
        before = supervision.supervision_compliance(on=previous.end, services=services)
        policy = supervision.policy_current()
        rows = [["Staff in time for supervision (%)", _rate(before["rate"]), _rate(now["rate"])]]
        return SectionData(
            key=self.key,
            title=self.title,
            figures={"rate": _rate(now["rate"]), "rate_previous": _rate(before["rate"]), "workers": now["workers"]},
            comparison=(
                f"On {govuk_date(period.end)}, {percent(now['rate']) or 'an unknown share'} of staff in post had had "
                f"supervision within the time {policy.name} sets, compared with "
                f"{percent(before['rate']) or 'an unknown share'} on {govuk_date(previous.end)}."
            ),
            table=Table(
                caption="Staff in time for supervision at the end of the year",
                head=["", previous.label, period.label],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                f"Sessions count when at least {policy.minimum_minutes} minutes long"
                + ("" if policy.group_sessions_count else " and individual")
                + "."
            ],
        )


def _empty(section, sentence):
    """A section for a period with nothing recorded: the sentence, no chart and no table."""
    return SectionData(key=section.key, title=section.title, figures={}, comparison=sentence)


def _rate(value):
    return None if value is None else float(value)


class TopicsSection:
    key = "learning_topics"
    title = "Learning offered against audit themes"
    order = 103

    def build(self, period, services):
        rows = selectors.themes_against_learning(start=period.start, end=period.end, today=period.end)
        table_rows = [[row.name, row.audits, ", ".join(row.topics) or "None", row.events] for row in rows]
        answered = sum(1 for row in rows if row.events)
        if not rows:
            return _empty(self, f"No completed audit in {period.label} named a learning theme.")
        return SectionData(
            key=self.key,
            title=self.title,
            figures={"themes": len(rows), "themes_with_learning": answered},
            comparison=f"Learning was offered on {answered} of the {len(rows)} themes audits found in {period.label}.",
            table=Table(
                caption="Learning themes found in audits, and events on them",
                head=["Theme", "Audits naming it", "Topics", "Events"],
                rows=table_rows,
                numeric_columns=[1, 3],
            ),
        )
