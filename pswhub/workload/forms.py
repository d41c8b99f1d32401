from decimal import Decimal

from django import forms

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import StaffMember

from .models import POINTS_FIELD, ComplexityLevel
from .selectors import case_types_for

CHOOSE_FILE = "Choose a CSV file"
FILE_TOO_BIG = "The file is larger than {limit} MB"
UPLOAD_LIMIT_MB = 20
ENTER_POINTS = "Enter the points as a number of 0 or more, like 4 or 2.5"
ENTER_CAPACITY = "Enter the capacity as a number of points greater than 0, like 100"
ENTER_TARGET = "Enter the target as a number of cases, like 24"
EARLY_CAREER_ABOVE_FULL = "The early-career capacity cannot be more than a full-time worker's capacity"
ENDS_BEFORE_START = "The end of the early-career year must be the same as or after its start"
CHOOSE_STAFF = "Choose the member of staff"


class CaseloadUploadForm(forms.Form):
    file = forms.FileField(
        label="Caseload file (CSV)",
        help_text="One row per worker, date, case type and complexity, with a header row.",
        error_messages={"required": CHOOSE_FILE},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload


def _points(label, message, minimum=Decimal(0), **kwargs):
    return forms.DecimalField(
        label=label,
        min_value=minimum,
        max_digits=POINTS_FIELD["max_digits"],
        decimal_places=POINTS_FIELD["decimal_places"],
        error_messages={"required": message, "invalid": message, "min_value": message},
        widget=forms.NumberInput,
        **kwargs,
    )


class WeightingSchemeForm(forms.Form):
    """The scheme's figures, then one points field per case type of the service and complexity
    level, named `points__<case type>__<complexity>`."""

    non_case_points = _points("Non-case allowance (points)", ENTER_POINTS, help_text="Added to every worker's points.")
    capacity_points = _points(
        "Capacity of a full-time worker (points)", ENTER_CAPACITY, Decimal("0.01"), help_text="Pro rata to FTE."
    )
    early_career_capacity_points = _points(
        "Capacity in the early-career year (points)",
        ENTER_CAPACITY,
        Decimal("0.01"),
        help_text="For a full-time worker in their early-career (ASYE) year; pro rata to FTE.",
    )
    target_caseload = forms.DecimalField(
        label="Target average caseload",
        min_value=0,
        max_digits=5,
        decimal_places=1,
        widget=forms.NumberInput,
        help_text="Cases per full-time case holder.",
        error_messages={"required": ENTER_TARGET, "invalid": ENTER_TARGET, "min_value": ENTER_TARGET},
    )

    def __init__(self, *args, service, scheme=None, **kwargs):
        self.grid = []  # [(case type, [field name per complexity])]
        self.complexities = list(ComplexityLevel.objects.all())
        initial = {}
        if scheme is not None:
            initial = {name: getattr(scheme.scheme, name) for name in self.base_fields}
            initial |= {
                f"points__{case_type}__{complexity}": value for (case_type, complexity), value in scheme.points.items()
            }
        super().__init__(*args, initial=initial, **kwargs)
        for case_type in case_types_for(service.kind):
            names = []
            for level in self.complexities:
                name = f"points__{case_type.code}__{level.code}"
                self.fields[name] = _points(f"{case_type.name}, {level.name.lower()} (points)", ENTER_POINTS)
                names.append(name)
            self.grid.append((case_type, names))

    def clean(self):
        cleaned = super().clean()
        full, early = cleaned.get("capacity_points"), cleaned.get("early_career_capacity_points")
        if full is not None and early is not None and early > full:
            self.add_error("early_career_capacity_points", EARLY_CAREER_ABOVE_FULL)
        return cleaned

    def scheme_values(self):
        """(figures, points) for `services.weighting_scheme_save`."""
        figures = {name: self.cleaned_data[name] for name in self.base_fields}
        points = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("points__"):
                _prefix, case_type, complexity = name.split("__")
                points[(case_type, complexity)] = value
        return figures, points


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, staff):
        return f"{staff.full_name} ({staff.employee_number})"


class EarlyCareerYearForm(forms.Form):
    staff_member = StaffChoiceField(
        queryset=StaffMember.objects.none(), label="Member of staff", error_messages={"required": CHOOSE_STAFF}
    )
    starts_on = GovukDateField(label="Start of the early-career year", help_text="For example, 5 1 2026")
    ends_on = GovukDateField(label="End of the early-career year", help_text="For example, 4 1 2027")

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = staff

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", ENDS_BEFORE_START)
        return cleaned
