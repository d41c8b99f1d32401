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
