from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.periods import last_complete_financial_year
from pswhub.core.presenters import govuk_date
from pswhub.core.report_sections import SERVICES

from . import word_template
from .models import AnnualReport, ExportFormat

PERIOD_BACKWARDS = "The end of the period must be the same as or after its start"
PERIOD_TOO_LONG = "A report covers at most two years"
CHOOSE_SERVICES = "Select the services the report covers"
CHOOSE_FILE = "Select a Word file"


def _last_financial_year():
    year = last_complete_financial_year(timezone.localdate())
    return year.start, year.end


class ReportCreateForm(forms.Form):
    period_start = GovukDateField(
        label="First day of the period",
        help_text="Usually 1 April, the start of a financial year",
        error_messages={"required": "Enter the first day of the period"},
    )
    period_end = GovukDateField(
        label="Last day of the period",
        help_text="Usually 31 March",
        error_messages={"required": "Enter the last day of the period"},
    )
    services = forms.ChoiceField(
        label="Services",
        choices=list(SERVICES.items()),
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_SERVICES},
    )
    title = forms.CharField(
        max_length=200,
        required=False,
        label="Title",
        help_text="Leave blank for “Principal Social Worker annual report” and the year",
    )

    def __init__(self, *args, **kwargs):
        start, end = _last_financial_year()
        kwargs.setdefault("initial", {"period_start": start, "period_end": end, "services": "all"})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end:
            if end < start:
                self.add_error("period_end", PERIOD_BACKWARDS)
            elif (end - start).days > 731:
                self.add_error("period_end", PERIOD_TOO_LONG)
        return cleaned


NO_MEETING = "Not chosen yet"


def meeting_label(meeting):
    agenda = f", {meeting.agenda_item}" if meeting.agenda_item else ""
    return f"{meeting.committee}, {govuk_date(meeting.held_on)}{agenda}"


class ReportTextForm(forms.ModelForm):
    """The report's own text. The committee and the meeting are chosen from the meetings recorded
    in the work plan, so the report goes to a committee the council has."""

    meeting = forms.TypedChoiceField(
        label="Committee meeting",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="The meetings recorded under Work plan, Committees. Record the meeting there if it is not listed",
    )

    class Meta:
        model = AnnualReport
        fields = [
            "title",
            "report_of",
            "purpose",
            "introduction",
            "statutory_context",
            "conclusion",
            "other_options",
            "reasons",
            "statutory_implications",
            "financial_implications",
            "recommendations",
            "contact",
            "background_papers",
        ]
        help_texts = {
            "introduction": (
                "Your introduction to the year, before the statutory context and the sections. Leave a blank "
                "line between paragraphs"
            ),
            "purpose": "{priorities_ahead} adds “and the priorities for” next year when the report gives them",
            "conclusion": "Leave it empty to end the information with the committee actions",
            "contact": "Name, job title, telephone and e-mail address, one a line. Prefilled with the PSW",
        }
        error_messages = {"title": {"required": "Enter the report's title"}}

    field_order = ["title", "meeting"]

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.meetings = {meeting.pk: meeting for meeting in meetings}
        self.fields["meeting"].choices = [("", NO_MEETING)] + [
            (meeting.pk, meeting_label(meeting)) for meeting in meetings
        ]
        report = self.instance
        chosen = next(
            (
                meeting.pk
                for meeting in meetings
                if meeting.committee == report.committee and meeting.held_on == report.meeting_date
            ),
            None,
        )
        self.initial.setdefault("meeting", chosen)

    def clean_meeting(self):
        pk = self.cleaned_data.get("meeting")
        if pk is not None and pk not in self.meetings:
            raise forms.ValidationError("Select a committee meeting from the list")
        return pk

    def text_fields(self):
        """What the service saves: the text, and the chosen meeting's committee, date and item."""
        values = {name: value for name, value in self.cleaned_data.items() if name != "meeting"}
        meeting = self.meetings.get(self.cleaned_data.get("meeting"))
        values["committee"] = meeting.committee if meeting else ""
        values["meeting_date"] = meeting.held_on if meeting else None
        values["agenda_item"] = meeting.agenda_item if meeting else ""
        return values

    def _post_clean(self):
        # The service saves; a failed form never changes the report.
        pass


class NarrativeForm(forms.Form):
    narrative = forms.CharField(
        label="Narrative",
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        help_text=(
            "Leave a blank line between paragraphs. Each paragraph is numbered in the report. "
            "Leave it empty to use the text PSW Hub writes from the data"
        ),
    )


class ReportChoicesForm(forms.Form):
    left_out = forms.MultipleChoiceField(
        label="Sections to leave out of the report",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="A section left out is not built and does not appear in the report or its summary",
    )
    audits_pooled = forms.BooleanField(
        label="Also give one rate of good or better pooling every service and type of audit",
        required=False,
        help_text=(
            "Audits are reported by service and by type. A pooled rate mixes full case audits with dip samples "
            "and themed audits; the report says so beside it"
        ),
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["left_out"].choices = list(sections)


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=ExportFormat.choices)


class TemplateUploadForm(forms.Form):
    file = forms.FileField(
        label="Word template (.docx)",
        help_text="Up to 10 MB",
        error_messages={"required": CHOOSE_FILE},
    )

    def clean_file(self):
        """The size is checked before the file is read; what is inside is checked by
        word_template.template_check when it is kept."""
        upload = self.cleaned_data["file"]
        if upload.size > word_template.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(word_template.FILE_TOO_LARGE)
        return upload
