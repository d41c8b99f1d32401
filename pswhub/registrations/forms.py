import re

from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import StaffMember

from .models import ReferralStage, RegistrationStatus, renewal_deadline, renewal_window_opens

SWE_NUMBER_INVALID = "Enter the Social Work England number as SW followed by digits, like SW123456"
SWE_NUMBER_TAKEN = "Another registration already has this Social Work England number"
REMOVED_NEEDS_DATE = "Enter the date they were removed from the register"
RENEWED_OUTSIDE_WINDOW = "The renewal date must be between 1 September and 30 November {year}"
RENEWED_IN_FUTURE = "The renewal date must be today or in the past"
CPD_INVALID = "Enter the number of CPD entries as a whole number, 0 or more"
CHOOSE_PEER_REFLECTION = "Select whether one of the entries is a peer reflection"
CLOSED_NEEDS_DATE = "Enter the date the referral was closed"

_SWE = re.compile(r"^SW\d{1,8}$")
YES_NO = [("yes", "Yes"), ("no", "No")]


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member.full_name} ({member.employee_number})"


def _staff_in_post():
    return StaffMember.objects.filter(left_on__isnull=True).order_by("last_name", "first_name")


class RegistrationForm(forms.Form):
    staff_member = StaffChoiceField(
        label="Staff member",
        queryset=StaffMember.objects.none(),
        error_messages={"required": "Select the staff member"},
    )
    swe_number = forms.CharField(
        label="Social Work England number",
        max_length=20,
        error_messages={"required": "Enter the Social Work England number"},
    )
    registered_on = GovukDateField(label="First registered on", required=False)
    status = forms.ChoiceField(
        label="Status",
        choices=RegistrationStatus.choices,
        widget=forms.RadioSelect,
        initial=RegistrationStatus.REGISTERED,
    )
    removed_on = GovukDateField(label="Removed from the register on", required=False, help_text="Only when removed")

    def __init__(self, *args, registration=None, **kwargs):
        self.registration = registration
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = (
            _staff_in_post() if registration is None else StaffMember.objects.filter(pk=registration.staff_member_id)
        )

    def clean_swe_number(self):
        from .models import Registration

        number = self.cleaned_data["swe_number"].strip().upper().replace(" ", "")
        if not _SWE.match(number):
            raise forms.ValidationError(SWE_NUMBER_INVALID)
        clash = Registration.objects.filter(swe_number=number)
        if self.registration is not None:
            clash = clash.exclude(pk=self.registration.pk)
        if clash.exists():
            raise forms.ValidationError(SWE_NUMBER_TAKEN)
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == RegistrationStatus.REMOVED and not cleaned.get("removed_on"):
            self.add_error("removed_on", REMOVED_NEEDS_DATE)
        return cleaned


class RenewalForm(forms.Form):
    year = forms.TypedChoiceField(label="Renewal year", coerce=int, choices=())
    renewed_on = GovukDateField(label="Renewed on", required=False, help_text="Leave blank if you have not renewed yet")
    cpd_entries = forms.IntegerField(
        label="CPD entries recorded this year",
        min_value=0,
        max_value=200,
        error_messages={
            "required": CPD_INVALID,
            "invalid": CPD_INVALID,
            "min_value": CPD_INVALID,
            "max_value": CPD_INVALID,
        },
    )
    peer_reflection = forms.ChoiceField(
        label="Is one of them a peer reflection?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_PEER_REFLECTION},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(year, str(year)) for year in range(this_year, this_year - 6, -1)]

    def clean(self):
        cleaned = super().clean()
        year, renewed_on = cleaned.get("year"), cleaned.get("renewed_on")
        if year and renewed_on:
            if not renewal_window_opens(year) <= renewed_on <= renewal_deadline(year):
                self.add_error("renewed_on", RENEWED_OUTSIDE_WINDOW.format(year=year))
            elif renewed_on > timezone.localdate():
                self.add_error("renewed_on", RENEWED_IN_FUTURE)
        if "peer_reflection" in cleaned:
            cleaned["peer_reflection"] = cleaned["peer_reflection"] == "yes"
        return cleaned


class ReferralForm(forms.Form):
    staff_member = StaffChoiceField(
        label="Staff member",
        queryset=StaffMember.objects.none(),
        error_messages={"required": "Select the staff member"},
    )
    referred_on = GovukDateField(label="Referred on", error_messages={"required": "Enter the date of the referral"})
    referred_by = forms.CharField(
        label="Referred by", max_length=200, error_messages={"required": "Enter who made the referral"}
    )
    concern = forms.CharField(
        label="The concern", widget=forms.Textarea, error_messages={"required": "Enter the concern"}
    )
    stage = forms.ChoiceField(
        label="Stage", choices=ReferralStage.choices, widget=forms.RadioSelect, initial=ReferralStage.CONCERN
    )
    outcome = forms.CharField(label="Outcome", widget=forms.Textarea, required=False)
    closed_on = GovukDateField(label="Closed on", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = StaffMember.objects.order_by("last_name", "first_name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stage") == ReferralStage.CLOSED and not cleaned.get("closed_on"):
            self.add_error("closed_on", CLOSED_NEEDS_DATE)
        return cleaned


class RenewalYearForm(forms.Form):
    year = forms.TypedChoiceField(label="Renewal year", coerce=int, choices=())

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


CHOOSE_FILE = "Choose a CSV or XLSX file"
FILE_TOO_BIG = "The file is larger than {limit} MB"
UPLOAD_LIMIT_MB = 20


class RenewalUploadForm(forms.Form):
    file = forms.FileField(
        label="Renewal file (CSV or XLSX)",
        help_text="One row per worker and renewal year, with a header row.",
        error_messages={"required": CHOOSE_FILE},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload
