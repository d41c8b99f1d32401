from django import forms

from .models import ColumnMapping

CHOOSE_FILE = "Choose a CSV or XLSX file"
FILE_TOO_BIG = "The file is larger than {limit} MB"
UPLOAD_LIMIT_MB = 20


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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(FILE_TOO_BIG.format(limit=UPLOAD_LIMIT_MB))
        return upload
