from django import forms
from django.utils import timezone

from pswhub.core.forms_render import GovukDateField

UPLOAD_LIMIT_MB = 10
CHOOSE_FILE = "Select the file to upload"
FILE_TOO_BIG = "The file must be smaller than {limit} MB"
ENTER_SOURCE = "Enter where the file came from, like DfE's Explore Education Statistics release and its address"
ENTER_PUBLISHED = "Enter the date DfE published the file"
PUBLISHED_IN_FUTURE = "The date DfE published the file must be today or in the past"
TOO_MANY_COMPARATORS = "Choose at most {limit} comparator councils"
COMPARATOR_LIMIT = 12


class _FileForm(forms.Form):
    file = forms.FileField(label="File (CSV or XLSX)", error_messages={"required": CHOOSE_FILE})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload


class DfeUploadForm(_FileForm):
    source = forms.CharField(
        label="Source",
        max_length=300,
        help_text="The DfE release the file is from, with its address.",
        error_messages={"required": ENTER_SOURCE},
    )
    published_on = GovukDateField(label="Date DfE published it", error_messages={"required": ENTER_PUBLISHED})

    def clean_published_on(self):
        published_on = self.cleaned_data["published_on"]
        if published_on and published_on > timezone.localdate():
            raise forms.ValidationError(PUBLISHED_IN_FUTURE)
        return published_on


class PackUploadForm(_FileForm):
    file = forms.FileField(
        label="Network pack (JSON or CSV)",
        help_text="A pack another council exported from PSW Hub.",
        error_messages={"required": CHOOSE_FILE},
    )


class ComparatorsForm(forms.Form):
    comparators = forms.MultipleChoiceField(
        label="Comparator councils",
        required=False,
        help_text="Councils DfE publishes figures for.",
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ChoiceField(
        label="Region",
        required=False,
        help_text="Only used when DfE's figures do not list this council.",
    )

    def __init__(self, *args, councils, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comparators"].choices = list(councils.items())
        self.fields["region"].choices = [("", "None"), *regions.items()]

    def clean_comparators(self):
        codes = self.cleaned_data["comparators"]
        if len(codes) > COMPARATOR_LIMIT:
            raise forms.ValidationError(TOO_MANY_COMPARATORS.format(limit=COMPARATOR_LIMIT))
        return codes
