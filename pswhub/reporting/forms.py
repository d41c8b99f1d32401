from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.periods import last_complete_financial_year
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


class ReportTextForm(forms.ModelForm):
    meeting_date = GovukDateField(label="Date of the committee meeting", required=False)

    class Meta:
        model = AnnualReport
        fields = [
            "title",
            "committee",
            "meeting_date",
            "agenda_item",
            "report_of",
            "purpose",
            "introduction",
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
                "The first paragraphs of the information, before the sections. Leave a blank line between paragraphs"
            ),
            "contact": "Name, job title, telephone and e-mail address, one a line",
        }
        error_messages = {"title": {"required": "Enter the report's title"}}

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
