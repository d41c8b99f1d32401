"""The agency pages' forms. Every choice list is scoped like its page: the teams and staff records
the user may see."""

from decimal import Decimal

from django import forms

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import StaffMember, Team
from pswhub.workforce import codes

from .models import CoverReason

ENTER_AGENCY = "Enter the name of the agency"
CHOOSE_TEAM = "Choose the team the worker covers in"
CHOOSE_REASON = "Choose what the engagement covers"
ENTER_START = "Enter the date the engagement starts"
ENTER_RATE = "Enter the hourly charge rate in pounds, such as 42.50"
ENTER_FTE = "Enter the FTE as a number from 0.01 to 1, such as 0.6"
ENTER_YEARS = "Enter the years since qualifying as a whole number, such as 4"
ENTER_END = "Enter the engagement's last day"
END_BEFORE_START = "The end date must be on or after the start date"
CHOOSE_ROLE = "Choose the worker's census role"
NAME_OR_RECORD = "Choose the worker's staff record or enter their name"
ENTER_CAP = "Enter the price cap in pounds an hour, such as 45.00"
ENTER_CAP_START = "Enter the date the cap holds from"
# Every way a number can be refused, each given the field's one message.
NUMBER_ERRORS = ["required", "invalid", "min_value", "max_value"]
NUMBER_ERRORS += ["max_digits", "max_decimal_places", "max_whole_digits"]


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member.full_name} ({member.employee_number})"


class EngagementForm(forms.Form):
    agency = forms.CharField(label="Agency", max_length=200, error_messages={"required": ENTER_AGENCY})
    staff_member = StaffChoiceField(
        queryset=StaffMember.objects.none(),
        required=False,
        label="Staff record (optional)",
        empty_label="No staff record in PSW Hub",
        help_text="Choose it when the worker has one, from an HR extract say.",
    )
    worker_name = forms.CharField(
        label="Worker's name", max_length=200, required=False, help_text="When they have no staff record."
    )
    team = forms.ModelChoiceField(queryset=Team.objects.none(), label="Team", error_messages={"required": CHOOSE_TEAM})
    cover_reason = forms.ChoiceField(
        choices=CoverReason.choices,
        widget=forms.RadioSelect,
        label="What it covers",
        error_messages={"required": CHOOSE_REASON},
    )
    starts_on = GovukDateField(label="Start date", error_messages={"required": ENTER_START})
    ends_on = GovukDateField(label="End date", required=False, help_text="Leave blank while it continues.")
    fte = forms.DecimalField(
        label="FTE",
        initial=Decimal("1"),
        min_value=Decimal("0.01"),
        max_value=Decimal("1"),
        max_digits=4,
        decimal_places=2,
        help_text="1 for full time (37 hours a week), 0.6 for three days.",
        error_messages={name: ENTER_FTE for name in NUMBER_ERRORS},
    )
    hourly_rate = forms.DecimalField(
        label="Hourly charge rate (£)",
        min_value=Decimal("0"),
        max_digits=7,
        decimal_places=2,
        help_text="What the agency charges the council an hour, such as 42.50.",
        error_messages={name: ENTER_RATE for name in NUMBER_ERRORS},
    )
    org_role = forms.ChoiceField(
        choices=codes.ORG_ROLE,
        initial=codes.CASE_HOLDER,
        label="Census role",
        help_text="The role the census return gives the worker: a case holder unless they manage or do not hold cases.",
        error_messages={"required": CHOOSE_ROLE, "invalid_choice": CHOOSE_ROLE},
    )
    years_qualified = forms.IntegerField(
        label="Years since qualifying (optional)",
        required=False,
        min_value=0,
        max_value=60,
        error_messages={n: ENTER_YEARS for n in ("invalid", "min_value", "max_value")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = Team.objects.visible_to(user).filter(is_active=True).select_related("service")
        self.fields["team"].queryset = teams.order_by("service__kind", "name")
        self.fields["staff_member"].queryset = StaffMember.objects.visible_to(user).order_by("last_name", "first_name")

    def clean(self):
        cleaned = super().clean()
        named = cleaned.get("staff_member") or cleaned.get("worker_name", "").strip()
        if not named and "staff_member" not in self.errors:
            self.add_error("worker_name", NAME_OR_RECORD)
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", END_BEFORE_START)
        return cleaned


class EngagementEndForm(forms.Form):
    ends_on = GovukDateField(label="Last day of the engagement", error_messages={"required": ENTER_END})

    def __init__(self, *args, engagement, **kwargs):
        self.engagement = engagement
        super().__init__(*args, **kwargs)

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < self.engagement.starts_on:
            raise forms.ValidationError(END_BEFORE_START)
        return ends_on


class PriceCapForm(forms.Form):
    hourly_rate = forms.DecimalField(
        label="Price cap (£ an hour)",
        min_value=Decimal("0"),
        max_digits=7,
        decimal_places=2,
        error_messages={name: ENTER_CAP for name in NUMBER_ERRORS},
    )
    starts_on = GovukDateField(label="Holds from", error_messages={"required": ENTER_CAP_START})
    note = forms.CharField(
        label="Note (optional)", max_length=300, required=False, help_text="Such as who agreed it and when."
    )


class FiguresYearForm(forms.Form):
    year = forms.TypedChoiceField(coerce=int, label="Financial year", choices=())

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        from pswhub.core.periods import year_label

        self.fields["year"].choices = [(year, year_label(year)) for year in years]


CHOOSE_FILE = "Choose a CSV or XLSX file"
FILE_TOO_BIG = "The file is larger than {limit} MB"
UPLOAD_LIMIT_MB = 20


class EngagementUploadForm(forms.Form):
    file = forms.FileField(
        label="Engagements (CSV or XLSX)",
        help_text="One row per engagement, with a header row.",
        error_messages={"required": CHOOSE_FILE},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload
