from django import forms

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import Team

from . import codes
from .models import Assignment, ColumnMapping, StaffProfile

CHOOSE_FILE = "Choose a CSV or XLSX file"
FILE_TOO_BIG = "The file is larger than {limit} MB"
UPLOAD_LIMIT_MB = 20


CHOOSE_RETURN = "Choose the census return's XML file"


class CensusReturnUploadForm(forms.Form):
    file = forms.FileField(
        label="Census return (XML)",
        help_text="A CSWW return as it was sent to DfE, in the layout of its year (2021 to 2025).",
        error_messages={"required": CHOOSE_RETURN},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload


class ExtractUploadForm(forms.Form):
    file = forms.FileField(
        label="HR extract (CSV or XLSX)",
        help_text="One row per member of staff, with a header row.",
        error_messages={"required": CHOOSE_FILE},
    )
    mapping = forms.ModelChoiceField(
        queryset=ColumnMapping.objects.all(),
        required=False,
        empty_label="The PSW Hub template's own column names",
        label="Column names",
        help_text="Choose your council's mapping if the file uses the HR system's own column names.",
    )
    create_teams = forms.BooleanField(
        required=False,
        label="Add teams not in PSW Hub",
        help_text="A team the extract names that PSW Hub does not have is added to the service in the file's "
        "service column (children when it has none). Leave this unticked to be told about such teams instead.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload


MAPPING_LINE_FORMAT = "Write line {line} as: your column name = template column, such as Payroll No = employee_number"
MAPPING_UNKNOWN_TEMPLATE_COLUMN = "Line {line}: {column} is not a template column"
MAPPING_NAME_TAKEN = "There is already a mapping called {name}"


class ColumnMappingForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100, help_text="Such as the HR system's name: Northshire iTrent.")
    columns = forms.CharField(
        label="Columns",
        widget=forms.Textarea,
        help_text="One line for each of your file's columns that has another name: your column name = template column.",
    )

    def __init__(self, *args, mapping=None, **kwargs):
        self.mapping = mapping
        if mapping is not None and "initial" not in kwargs:
            lines = "\n".join(f"{source} = {column}" for source, column in mapping.columns.items())
            kwargs["initial"] = {"name": mapping.name, "columns": lines}
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = ColumnMapping.objects.filter(name=name)
        if self.mapping is not None:
            others = others.exclude(pk=self.mapping.pk)
        if others.exists():
            raise forms.ValidationError(MAPPING_NAME_TAKEN.format(name=name))
        return name

    def clean_columns(self):
        from .hr_import import TEMPLATE_COLUMNS

        columns = {}
        for number, line in enumerate(self.cleaned_data["columns"].splitlines(), start=1):
            if not line.strip():
                continue
            source, equals, column = line.partition("=")
            if not equals or not source.strip() or not column.strip():
                raise forms.ValidationError(MAPPING_LINE_FORMAT.format(line=number))
            if column.strip() not in TEMPLATE_COLUMNS:
                raise forms.ValidationError(MAPPING_UNKNOWN_TEMPLATE_COLUMN.format(line=number, column=column.strip()))
            columns[source.strip()] = column.strip()
        return columns


# Establishment and the staff record's workforce sections -----------------------------------------

ENTER_FTE = "Enter the funded FTE as a number, such as 12.5"
ENTER_DAYS = "Enter the working days lost as a number, such as 3.5"
END_BEFORE_START = "The end date must be on or after the start date"


def _fte_field(label, help_text, message):
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        error_messages={"required": message, "invalid": message, "min_value": message},
    )


class EstablishmentDateForm(forms.Form):
    on = GovukDateField(required=False, label="Show the establishment on")


class EstablishmentForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(is_active=True).select_related("service").order_by("service__kind", "name"),
        label="Team",
        error_messages={"required": "Choose the team"},
    )
    org_role = forms.ChoiceField(
        choices=[("", "The whole team"), *codes.ORG_ROLE],
        required=False,
        label="Census role (optional)",
        help_text="Record the whole team's funded FTE, or one role's; a team's roles are added together.",
    )
    funded_fte = _fte_field("Funded FTE", "The full-time equivalent posts funded, such as 12.5.", ENTER_FTE)
    starts_on = GovukDateField(label="From", error_messages={"required": "Enter the date it holds from"})


class AbsenceEpisodeForm(forms.Form):
    starts_on = GovukDateField(label="First day of absence", error_messages={"required": "Enter the first day"})
    ends_on = GovukDateField(required=False, label="Last day of absence", help_text="Leave blank while it continues")
    reason = forms.ChoiceField(
        choices=codes.REASON_ABSENCE, widget=forms.RadioSelect, label="Reason (census code)",
        error_messages={"required": "Choose the reason"},
    )  # fmt: skip
    working_days_lost = _fte_field("Working days lost", "Working days, such as 3 or 2.5.", ENTER_DAYS)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", END_BEFORE_START)
        return cleaned


class PersonalDetailsForm(forms.ModelForm):
    date_of_birth = GovukDateField(required=False, label="Date of birth")

    class Meta:
        model = StaffProfile
        fields = ["swe_number", "qualification_route", "date_of_birth", "sex", "gender_current", "ethnicity"]
        labels = {"swe_number": "Social Work England number", "gender_current": "Gender (census code)"}
        help_texts = {"swe_number": "SW and up to 10 digits, such as SW123456."}

    def clean_swe_number(self):
        return (self.cleaned_data["swe_number"] or "").strip().upper().replace(" ", "") or None


class AssignmentDetailsForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["org_role", "start_origin", "reason_leave", "leaver_destination"]
        labels = {
            "org_role": "Census role",
            "start_origin": "Origin (on a first assignment)",
            "reason_leave": "Reason for leaving (on a last assignment)",
            "leaver_destination": "Destination (on a last assignment)",
        }


class CensusCorrectionForm(forms.Form):
    """A correction of one derived value on a built census line (census_values.CORRECTABLE_FIELDS)."""

    field = forms.ChoiceField(label="Value to correct", error_messages={"required": "Choose the value to correct"})
    value = forms.CharField(
        label="Corrected value",
        required=False,
        max_length=100,
        help_text="As the return writes it: a census code (such as 5), a number, 1 or 0 for yes or no, a date as "
        "YYYY-MM-DD. Leave blank for no value.",
    )
    reason = forms.CharField(
        label="Reason for the correction",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Say why the value is corrected"},
    )

    def __init__(self, *args, fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", "Choose a value"), *fields]


class CensusReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why is the return being submitted again?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Say why the return is being submitted again"},
    )
