"""The one path by which a Django form field becomes a GOV.UK Frontend component. Templates call
`form_field(field)` (templates/includes/forms.html), which asks `field_component` for the
component's name and parameters."""

import datetime

from django import forms


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern asks."""

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = [data.get(f"{name}-{part}", "").strip() for part in ("day", "month", "year")]
        if not any(parts):
            return None
        return parts

    def id_for_label(self, id_):
        return f"{id_}-day"


class GovukDateField(forms.Field):
    widget = GovukDateWidget
    default_error_messages = {
        "invalid": "Enter a real date",
        "incomplete": "Enter a day, month and year",
    }

    def to_python(self, value):
        if value in (None, "", [None, None, None]):
            return None
        if isinstance(value, datetime.date):
            return value
        if not all(value):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            day, month, year = (int(part) for part in value)
            if year < 1900:
                raise ValueError
            return datetime.date(year, month, day)
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _text(value):
    return str(value) if value is not None else ""


def _errors(field):
    return {"text": " ".join(str(error) for error in field.errors)} if field.errors else None


def _choices(field, selected):
    selected = {str(value) for value in selected}
    return [
        {"value": _text(value), "text": _text(label), "checked": _text(value) in selected}
        for value, label in field.field.choices
        if _text(value) != "" or not isinstance(field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))
    ]


def field_component(field, **overrides):
    """Returns (component, params) for a bound field. `overrides` are merged into the params, so a
    template can make a label a page heading or add classes without a second rendering path."""
    widget = field.field.widget
    value = field.value()
    label = {"text": field.label}
    hint = {"text": _text(field.help_text)} if field.help_text else None
    common = {"hint": hint, "errorMessage": _errors(field)}

    if isinstance(widget, GovukDateWidget):
        parts = widget.decompress(value) if isinstance(value, datetime.date) else (value or [None] * 3)
        names = ("day", "month", "year")
        component, params = (
            "date",
            {
                "id": field.auto_id,
                "namePrefix": field.html_name,
                "fieldset": {"legend": {"text": field.label, "classes": "govuk-fieldset__legend--s"}},
                "items": [
                    {
                        "name": name,
                        "label": name.capitalize(),
                        "value": _text(part),
                        "classes": ("govuk-input--width-4" if name == "year" else "govuk-input--width-2")
                        + (" govuk-input--error" if field.errors else ""),
                    }
                    for name, part in zip(names, parts, strict=True)
                ],
            },
        )
    elif isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
        selected = value if isinstance(value, (list, tuple)) else [value]
        items = _choices(field, selected or [])
        component = "checkboxes" if isinstance(widget, forms.CheckboxSelectMultiple) else "radios"
        params = {
            "idPrefix": field.auto_id,
            "name": field.html_name,
            "fieldset": {"legend": {"text": field.label, "classes": "govuk-fieldset__legend--s"}},
            "items": items,
        }
    elif isinstance(widget, forms.CheckboxInput):
        component, params = (
            "checkboxes",
            {
                "idPrefix": field.auto_id,
                "name": field.html_name,
                "items": [{"value": "on", "text": field.label, "checked": bool(value), "id": field.auto_id}],
            },
        )
    elif isinstance(widget, forms.Select):
        component, params = (
            "select",
            {
                "id": field.auto_id,
                "name": field.html_name,
                "label": label,
                "items": [
                    {"value": _text(choice), "text": _text(text), "selected": _text(choice) == _text(value)}
                    for choice, text in field.field.choices
                ],
            },
        )
    elif isinstance(widget, forms.Textarea):
        component, params = (
            "textarea",
            {"id": field.auto_id, "name": field.html_name, "label": label, "value": _text(value)},
        )
    elif isinstance(widget, forms.FileInput):
        component, params = "file", {"id": field.auto_id, "name": field.html_name, "label": label}
    else:
        input_type = getattr(widget, "input_type", "text")
        params = {
            "id": field.auto_id,
            "name": field.html_name,
            "label": label,
            "type": input_type,
            "autocomplete": widget.attrs.get("autocomplete"),
            "spellcheck": False if input_type in {"email", "password"} else None,
        }
        if input_type != "password":
            params["value"] = _text(value)
        if isinstance(widget, forms.NumberInput):
            params.update(type="text", inputmode="decimal", classes="govuk-input--width-10")
        component = "input"

    params.update({key: val for key, val in common.items() if val is not None})
    params.update(overrides)
    return component, params


def form_error_list(form):
    """The GOV.UK error summary's list: one link per field error, pointing at the field."""
    errors = [{"text": str(error), "href": "#main-content"} for error in form.non_field_errors()]
    for field in form:
        if not field.errors:
            continue
        widget = field.field.widget
        # GOV.UK radios and checkboxes give their first item the group's id; Django's widgets
        # name no single element for a group, so their own id_for_label would give "#".
        grouped = isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.CheckboxInput))
        target = field.auto_id if grouped else widget.id_for_label(field.auto_id)
        errors.extend({"text": str(error), "href": f"#{target}"} for error in field.errors)
    return errors
