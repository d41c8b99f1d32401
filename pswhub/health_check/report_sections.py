"""The health check section of the annual report, built from this app's selectors through the
reporting interface (docs/reporting.md): the response rate, scores by standard with bands beside
the year before, and the action plan's themes with the progress of each commitment.

Survey results follow the survey threshold (anonymity.py): a score for a service below it is `c`,
and so is its count of responses."""

from pswhub.core.periods import financial_year_of, year_label
from pswhub.core.presenters import SUPPRESSED, govuk_date
from pswhub.core.report_sections import Chart, SectionData, Table

from . import selectors
from .anonymity import survey_threshold
from .presenters import RAG_WORDS
from .scoring import BAND_WORDS

SERVICE_NAMES = {"children": "Children's services", "adults": "Adults' services"}
RATE_NOT_KNOWN = "not known"


def _value(result, number):
    if result is None:
        return None
    if result.suppressed:
        return SUPPRESSED
    return result.by_standard.get(number)


class HealthCheckSection:
    key = "health_check"
    title = "Social Work Health Check"
    order = 70

    def build(self, period, services):
        year = financial_year_of(period.start)
        label_now, label_before = year_label(year), year_label(year - 1)
        kinds = ["children", "adults"] if services == "all" else [services]
        figures, head, columns, sentences, series = {}, ["Standard"], [], [], []
        for kind in kinds:
            trend = selectors.trend(service=kind, years=[year - 1, year])
            now = trend.get(year, {}).get("result")
            before = trend.get(year - 1, {}).get("result")
            rate = selectors.year_response_rate(year_start=year, service=kind)
            responses = None if now is None else (SUPPRESSED if now.suppressed else now.responses)
            figures[f"{kind}_responses"] = responses
            figures[f"{kind}_response_rate"] = None if rate is None else str(rate)
            for number in selectors.STANDARDS:
                figures[f"{kind}_standard_{number}"] = _value(now, number)
                figures[f"{kind}_standard_{number}_previous"] = _value(before, number)
            name = SERVICE_NAMES[kind]
            head += [f"{name} {label_before}", f"{name} {label_now}", f"{name} band"]
            columns.append((now, before))
            sentences.append(self._sentence(name, now, rate, label_now))
            series += [
                {"name": f"{name} {label_before}", "values": [_value(before, n) or 0 for n in selectors.STANDARDS]},
                {"name": f"{name} {label_now}", "values": [_value(now, n) or 0 for n in selectors.STANDARDS]},
            ]
        rows = []
        for standard in selectors.standards():
            row = [str(standard)]
            for now, before in columns:
                shown = _value(now, standard.number)
                band = now.bands.get(standard.number) if now is not None and not now.suppressed else None
                row += [_shown(_value(before, standard.number)), _shown(shown), BAND_WORDS.get(band, "")]
            rows.append(row)
        counts = selectors.plan_rag_counts(year_start=year, services=services, on=period.end)
        figures.update({f"commitments_{key}": value for key, value in counts.items()})
        return SectionData(
            key=self.key,
            title=self.title,
            figures=figures,
            comparison=" ".join(sentences),
            narrative=self._plan_narrative(year, services, period.end),
            chart=Chart(
                title=f"Health check scores by standard, {label_before} and {label_now}",
                description="Bar chart of scores from 0 to 100 by standard. "
                + " ".join(f"{row[0]}: " + ", ".join(str(cell) for cell in row[1:]) + "." for row in rows),
                categories=[f"Standard {n}" for n in selectors.STANDARDS],
                series=series,
                unit="score",
            ),
            table=Table(
                caption=f"Health check scores by standard (0 to 100), {label_before} and {label_now}",
                head=head,
                rows=rows,
                numeric_columns=[i for i in range(1, len(head)) if i % 3 != 0],
            ),
            notes=[
                "An answer scores strongly disagree 0, disagree 25, neither 50, agree 75, strongly agree 100; "
                "an item's score is the mean of its answers, a standard's the mean of its items'. Bands: low 0 "
                "to 50, moderate 51 to 74, high 75 to 100 (the LGA's).",
                f"No result is shown for fewer than {survey_threshold()} respondents (c); a year with no survey "
                "in PSW Hub shows the LGA's results for the council where they were entered.",
            ],
        )

    @staticmethod
    def _sentence(name, now, rate, label_now):
        if now is None:
            return f"{name}: there was no health check in {label_now}."
        if now.suppressed:
            return f"{name}: too few people answered the {label_now} health check for results to be shown."
        rate_words = f"{rate}%" if rate is not None else RATE_NOT_KNOWN
        high = sum(1 for band in now.bands.values() if band == "high")
        return (
            f"{name}: {now.responses} people answered the {label_now} health check (response rate {rate_words}); "
            f"{high} of the 8 standards scored high."
        )

    @staticmethod
    def _plan_narrative(year, services, on):
        blocks = []
        for theme in selectors.plan_themes(year_start=year, services=services):
            lines = [f"{theme.title}. You said: {theme.you_said}"]
            for commitment in theme.commitments.all():
                update = selectors.commitment_latest_update(commitment, on=on)
                status = RAG_WORDS[update.rag if update else "none"]
                lines.append(
                    f"We will: {commitment.we_will} Owner: {commitment.owner_name}. "
                    f"Due {govuk_date(commitment.due_on)}. {status}."
                )
            if theme.we_expect:
                lines.append(f"We expect you: {theme.we_expect}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks) or "No health check action plan was published for the year."


def _shown(value):
    return "" if value is None else value
