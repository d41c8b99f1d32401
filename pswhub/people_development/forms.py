"""Forms for people development: parsing and validation only; the services save. Error messages
are constants the tests import."""

from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import StaffMember, Team
from pswhub.core.periods import academic_year_of, financial_year_of, year_label
from pswhub.core.presenters import govuk_date

from .models import (
    CohortParticipant,
    EarlyCareerProgramme,
    EarlyCareerRecord,
    Outcome,
    ParticipantStatus,
    Placement,
    PracticeEducator,
    ProgressionLevel,
    ProgressionOutcome,
    ProgressionPanel,
    ReviewProgress,
    Route,
    SponsoredCohort,
)

ENDS_BEFORE_START = "The end date must be on or after the start date"
DATE_IN_FUTURE = "The date must be today or in the past"
PLACEMENT_TAKEN = "This student already has a placement of this kind in that academic year"
SAME_LEVEL = "The level applied for must differ from the current level"
OPEN_HAS_NO_END = "Leave the completion date empty while the programme is in progress or extended"
ENDED_NEEDS_END = "Enter the date the programme was completed or ended"
CHOOSE_PROGRESS = "Select how the worker is progressing"
CHOOSE_DECISION = "Select the panel's decision"
EDUCATOR_TAKEN = "This staff member is already a practice educator"
PARTICIPANT_TAKEN = "The cohort already has a participant with this reference"
ENTER_AMOUNT = "Enter the income in pounds"
PROGRAMME_NOT_YET = "{programme} starts on {day}: choose the ASYE for an earlier start"
CHOOSE_RESULT = "Select whether the assessment was passed"
DECISIONS = [(value, label) for value, label in ProgressionOutcome.choices if value != ProgressionOutcome.WAITING]


class _NoInstanceMutation:
    def _post_clean(self):
        # Validation lives in clean(); the service saves. A failed form never changes the object.
        pass


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, staff):
        return f"{staff.full_name} ({staff.employee_number})"


def _staff():
    return StaffMember.objects.order_by("last_name", "first_name")


def _academic_year_choices():
    this_year = academic_year_of(timezone.localdate())
    return [(year, year_label(year)) for year in range(this_year + 1, this_year - 10, -1)]


def _ends_after_start(form, start, end, field):
    if start and end and end < start:
        form.add_error(field, ENDS_BEFORE_START)


class PlacementForm(_NoInstanceMutation, forms.ModelForm):
    academic_year = forms.TypedChoiceField(label="Academic year", coerce=int, choices=())
    route = forms.ModelChoiceField(queryset=Route.objects.all(), empty_label=None)
    team = forms.ModelChoiceField(queryset=Team.objects.filter(is_active=True), required=False, empty_label="None")
    practice_educator = forms.ModelChoiceField(
        queryset=PracticeEducator.objects.select_related("staff_member"), required=False, empty_label="None"
    )
    hired = StaffChoiceField(
        label="Staff record, if later employed",
        queryset=StaffMember.objects.none(),
        required=False,
        empty_label="Not employed",
    )
    started_on = GovukDateField(label="Start date", required=False)
    ended_on = GovukDateField(label="End date", required=False)

    class Meta:
        model = Placement
        fields = [
            "academic_year", "student_reference", "student_name", "university", "route", "kind", "team",
            "practice_educator", "days", "started_on", "ended_on", "outcome", "hired",
        ]  # fmt: skip
        labels = {"student_reference": "Student reference", "kind": "Placement", "days": "Days"}
        help_texts = {"student_reference": "The university's or the council's reference, not the student's name"}
        widgets = {"kind": forms.RadioSelect, "outcome": forms.RadioSelect}
        error_messages = {
            "student_reference": {"required": "Enter the student reference"},
            "university": {"required": "Enter the university"},
            "days": {"required": "Enter the number of placement days"},
            "kind": {"required": "Select first, final or other placement"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["academic_year"].choices = _academic_year_choices()
        self.fields["hired"].queryset = _staff()

    def clean(self):
        cleaned = super().clean()
        _ends_after_start(self, cleaned.get("started_on"), cleaned.get("ended_on"), "ended_on")
        key = {name: cleaned.get(name) for name in ("academic_year", "student_reference", "kind")}
        if all(key.values()) and Placement.objects.filter(**key).exclude(pk=self.instance.pk).exists():
            self.add_error("student_reference", PLACEMENT_TAKEN)
        return cleaned

    def validate_unique(self):
        pass


class PracticeEducatorForm(_NoInstanceMutation, forms.ModelForm):
    staff_member = StaffChoiceField(label="Staff member", queryset=StaffMember.objects.none())
    qualified_on = GovukDateField(label="Date qualified", required=False)

    class Meta:
        model = PracticeEducator
        fields = ["staff_member", "stage", "qualified_on", "capacity"]
        widgets = {"stage": forms.RadioSelect}
        error_messages = {"stage": {"required": "Select PEPS stage 1 or 2"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = _staff()

    def clean_staff_member(self):
        staff = self.cleaned_data["staff_member"]
        if PracticeEducator.objects.filter(staff_member=staff).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(EDUCATOR_TAKEN)
        return staff

    def validate_unique(self):
        pass


class CohortForm(_NoInstanceMutation, forms.ModelForm):
    started_on = GovukDateField(label="Start date", error_messages={"required": "Enter the start date"})

    class Meta:
        model = SponsoredCohort
        fields = ["kind", "name", "started_on", "places"]
        labels = {"kind": "Route or programme", "name": "Cohort name"}
        widgets = {"kind": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter the cohort's name", "unique": "A cohort has this name already"}}


class ParticipantForm(_NoInstanceMutation, forms.ModelForm):
    staff_member = StaffChoiceField(
        label="Staff record, once they work here",
        queryset=StaffMember.objects.none(),
        required=False,
        empty_label="None",
    )
    completed_on = GovukDateField(label="Date qualified or completed", required=False)

    class Meta:
        model = CohortParticipant
        fields = ["reference", "staff_member", "status", "completed_on"]
        labels = {"reference": "Participant reference"}
        widgets = {"status": forms.RadioSelect}
        error_messages = {"reference": {"required": "Enter the participant's reference"}}

    def __init__(self, *args, cohort, **kwargs):
        self.cohort = cohort
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = _staff()
        self.fields["status"].choices = ParticipantStatus.choices

    def clean_reference(self):
        reference = self.cleaned_data["reference"]
        if (
            CohortParticipant.objects.filter(cohort=self.cohort, reference=reference)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(PARTICIPANT_TAKEN)
        return reference

    def validate_unique(self):
        pass


class PlacementIncomeForm(forms.Form):
    academic_year = forms.TypedChoiceField(label="Academic year", coerce=int, choices=())
    amount = forms.DecimalField(
        label="Income (£)", min_value=0, max_digits=10, decimal_places=2, error_messages={"required": ENTER_AMOUNT}
    )
    projected = forms.BooleanField(label="This is a projection, not yet received", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["academic_year"].choices = _academic_year_choices()


class EarlyCareerRecordForm(_NoInstanceMutation, forms.ModelForm):
    staff_member = StaffChoiceField(label="Newly qualified social worker", queryset=StaffMember.objects.none())
    programme = forms.ModelChoiceField(queryset=EarlyCareerProgramme.objects.all(), empty_label=None)
    started_on = GovukDateField(label="Start date", error_messages={"required": "Enter the start date"})
    assessor = StaffChoiceField(queryset=StaffMember.objects.none(), required=False, empty_label="Not yet chosen")
    completed_on = GovukDateField(label="Date completed or ended", required=False)
    extended_to = GovukDateField(label="Final assessment extended to", required=False)

    class Meta:
        model = EarlyCareerRecord
        fields = ["staff_member", "programme", "started_on", "assessor", "outcome", "completed_on", "extended_to"]
        widgets = {"outcome": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = _staff()
        self.fields["assessor"].queryset = _staff()

    def clean(self):
        cleaned = super().clean()
        outcome, completed_on = cleaned.get("outcome"), cleaned.get("completed_on")
        if outcome in (Outcome.IN_PROGRESS, Outcome.EXTENDED) and completed_on:
            self.add_error("completed_on", OPEN_HAS_NO_END)
        elif outcome and outcome not in (Outcome.IN_PROGRESS, Outcome.EXTENDED) and not completed_on:
            self.add_error("completed_on", ENDED_NEEDS_END)
        _ends_after_start(self, cleaned.get("started_on"), completed_on, "completed_on")
        programme, started_on = cleaned.get("programme"), cleaned.get("started_on")
        if programme and started_on and programme.available_from and started_on < programme.available_from:
            self.add_error(
                "started_on",
                PROGRAMME_NOT_YET.format(programme=programme.name, day=govuk_date(programme.available_from)),
            )
        return cleaned

    def validate_unique(self):
        pass


class ReviewForm(forms.Form):
    held_on = GovukDateField(label="Date held", error_messages={"required": "Enter the date the review was held"})
    progress = forms.ChoiceField(
        label="How the worker is progressing",
        choices=ReviewProgress.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_PROGRESS},
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError(DATE_IN_FUTURE)
        return held_on


class PauseForm(forms.Form):
    starts_on = GovukDateField(label="Pause starts", error_messages={"required": "Enter the date the pause starts"})
    ends_on = GovukDateField(label="Pause ends", error_messages={"required": "Enter the date the pause ends"})
    reason = forms.CharField(label="Reason", max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        _ends_after_start(self, cleaned.get("starts_on"), cleaned.get("ends_on"), "ends_on")
        return cleaned


class PanelForm(_NoInstanceMutation, forms.ModelForm):
    held_on = GovukDateField(
        label="Date of the panel",
        error_messages={"required": "Enter the date of the panel", "unique": "There is a panel on that date already"},
    )

    class Meta:
        model = ProgressionPanel
        fields = ["held_on", "notes"]


class ApplicationForm(forms.Form):
    staff_member = StaffChoiceField(label="Applicant", queryset=StaffMember.objects.none())
    applied_on = GovukDateField(label="Date of application", required=False)
    from_level = forms.ModelChoiceField(label="Current level", queryset=ProgressionLevel.objects.all())
    to_level = forms.ModelChoiceField(label="Level applied for", queryset=ProgressionLevel.objects.all())
    panel = forms.ModelChoiceField(
        label="Panel", queryset=ProgressionPanel.objects.all(), required=False, empty_label="Not yet set"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = _staff()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from_level") and cleaned.get("from_level") == cleaned.get("to_level"):
            self.add_error("to_level", SAME_LEVEL)
        return cleaned


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision", choices=DECISIONS, widget=forms.RadioSelect, error_messages={"required": CHOOSE_DECISION}
    )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label="Financial year", coerce=int, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = financial_year_of(timezone.localdate())
        self.fields["year"].choices = [(year, year_label(year)) for year in range(this_year, this_year - 8, -1)]


class AccreditationForm(forms.Form):
    staff_member = StaffChoiceField(label="Social worker", queryset=StaffMember.objects.none())
    assessed_on = GovukDateField(label="Date assessed", error_messages={"required": "Enter the date assessed"})
    passed = forms.TypedChoiceField(
        label="Result",
        choices=[("yes", "Passed"), ("no", "Not passed")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_RESULT},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = _staff()
