from django import forms

from pswhub.core.forms_render import GovukDateField
from pswhub.core.models import Service, StaffMember, Team, User
from pswhub.core.selectors import users_acting_for_team

from .importing import BAD_CASE_REFERENCE, CASE_REFERENCE
from .models import Answer, AuditTool, AuditType, Grade, GradeScale, LearningTheme, Question

NAMES_WARNING = "Refer to the case by its reference only. Do not write the name of a child, family member or carer."
WORKER_NOT_IN_TEAM = "Choose a social worker in the case's team, or leave it blank"
ENTER_CASE_REFERENCE = "Enter the case reference"
CHOOSE_TOOL = "Choose an audit tool"
CHOOSE_TEAM = "Choose the case's team"
ENTER_CONTRIBUTION = "Enter what you want to add to the audit"
ENTER_RISK = "Describe the risk to the child now"
ENTER_ACTION = "Describe the action"
ENTER_DUE_DATE = "Enter the date the action is due"
CHOOSE_MODERATED_GRADE = "Choose the moderated grade"


class ToolChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, tool):
        return tool.name


class AuditStartForm(forms.Form):
    tool = ToolChoiceField(
        queryset=AuditTool.objects.filter(is_active=True, versions__is_draft=False).distinct().order_by("name"),
        widget=forms.RadioSelect,
        label="Audit tool",
        error_messages={"required": CHOOSE_TOOL},
    )
    case_reference = forms.CharField(
        max_length=40,
        label="Case reference",
        help_text="The reference in the case management system. Never a name.",
        error_messages={"required": ENTER_CASE_REFERENCE},
    )
    case_type = forms.CharField(
        max_length=60,
        required=False,
        label="Case type (optional)",
        help_text="For example, child protection or child in need",
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(is_active=True).select_related("service").order_by("service__kind", "name"),
        label="The case's team",
        error_messages={"required": CHOOSE_TEAM},
    )
    worker = forms.ModelChoiceField(
        queryset=StaffMember.objects.none(),
        required=False,
        label="The case's social worker (optional)",
        help_text="They will be able to read the audit and respond to it",
        error_messages={"invalid_choice": WORKER_NOT_IN_TEAM},
    )
    due_on = GovukDateField(required=False, label="Due date (optional)")

    def __init__(self, *args, user, **kwargs):
        """The workers offered are the staff in post the user may see (ADR 0002): every one for
        the PSW and QA officers, their teams' staff for a manager. Someone who may see no one
        else's record (an auditor) is not offered the choice."""
        super().__init__(*args, **kwargs)
        workers = StaffMember.objects.visible_to(user).filter(left_on__isnull=True)
        if workers.exclude(user=user).exists():
            self.fields["worker"].queryset = workers.order_by("last_name", "first_name")
        else:
            del self.fields["worker"]

    def clean_case_reference(self):
        reference = self.cleaned_data["case_reference"].strip()
        if not CASE_REFERENCE.match(reference):
            raise forms.ValidationError(BAD_CASE_REFERENCE)
        return reference

    def clean(self):
        cleaned = super().clean()
        team, worker = cleaned.get("team"), cleaned.get("worker")
        if team and worker and worker.team_id != team.pk:
            self.add_error("worker", WORKER_NOT_IN_TEAM)
        return cleaned


def _grade_choices(scale):
    return [(str(grade.pk), grade.name) for grade in Grade.objects.filter(scale=scale).order_by("rank")]


def _text_area(label, required=False, hint=NAMES_WARNING):
    return forms.CharField(label=label, required=required, widget=forms.Textarea, help_text=hint)


class AuditForm(forms.Form):
    """The auditor's form, built from the tool version the audit was started with: per section a
    grade, evidence and the section's questions; then the overall grade and what was learned."""

    def __init__(self, *args, audit, **kwargs):
        self.audit = audit
        version = audit.tool_version
        self.scale = version.tool.scale
        grades = _grade_choices(self.scale)
        self.sections = list(version.sections.prefetch_related("questions"))
        results = {r.section_id: r for r in audit.section_results.all()}
        answers = {a.question_id: a for a in audit.answers.all()}
        initial = {}
        super().__init__(*args, **kwargs)
        for section in self.sections:
            if section.is_graded:
                self.fields[f"s{section.pk}_grade"] = forms.ChoiceField(
                    choices=grades, required=False, widget=forms.RadioSelect, label=f"Grade for {section.title.lower()}"
                )
            self.fields[f"s{section.pk}_evidence"] = _text_area(f"Evidence for {section.title.lower()}")
            result = results.get(section.pk)
            if result:
                initial[f"s{section.pk}_grade"] = str(result.grade_id or "")
                initial[f"s{section.pk}_evidence"] = result.evidence
            for question in section.questions.all():
                name = f"q{question.pk}"
                answer = answers.get(question.pk)
                if question.kind == Question.YES_NO_PARTLY:
                    self.fields[name] = forms.ChoiceField(
                        choices=Answer.VALUE_CHOICES, required=False, widget=forms.RadioSelect, label=question.text
                    )
                    initial[name] = answer.value if answer else ""
                else:
                    self.fields[name] = _text_area(question.text)
                    initial[name] = answer.text if answer else ""
        self.fields["overall_grade"] = forms.ChoiceField(
            choices=grades,
            required=False,
            widget=forms.RadioSelect,
            label="Overall grade",
        )
        self.fields["strengths"] = _text_area("Strengths")
        self.fields["areas_for_development"] = _text_area("Areas for development")
        self.fields["themes"] = forms.ModelMultipleChoiceField(
            queryset=LearningTheme.objects.filter(is_active=True).order_by("order"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="Learning themes",
        )
        self.fields["themes"].label_from_instance = lambda theme: theme.name
        initial.update(
            overall_grade=str(audit.overall_grade_id or ""),
            strengths=audit.strengths,
            areas_for_development=audit.areas_for_development,
            themes=[str(pk) for pk in audit.themes.values_list("pk", flat=True)],
        )
        for name, value in initial.items():
            self.fields[name].initial = value

    def section_field_names(self, section):
        names = [f"s{section.pk}_grade"] if section.is_graded else []
        names += [f"q{question.pk}" for question in section.questions.all()]
        names.append(f"s{section.pk}_evidence")
        return names

    def service_arguments(self):
        """The cleaned form as keyword arguments for services.audit_save_draft."""
        data = self.cleaned_data
        grades = {str(grade.pk): grade for grade in Grade.objects.filter(scale=self.scale)}
        sections, answers = {}, {}
        for section in self.sections:
            sections[section] = (grades.get(data.get(f"s{section.pk}_grade") or ""), data[f"s{section.pk}_evidence"])
            for question in section.questions.all():
                value = data[f"q{question.pk}"]
                answers[question] = (value, "") if question.kind == Question.YES_NO_PARTLY else ("", value)
        return {
            "sections": sections,
            "answers": answers,
            "overall_grade": grades.get(data.get("overall_grade") or ""),
            "strengths": data["strengths"],
            "areas_for_development": data["areas_for_development"],
            "themes": data["themes"],
        }


class ContributionForm(forms.Form):
    text = _text_area("Add what you see, or respond to the audit", required=True)
    text.error_messages = {"required": ENTER_CONTRIBUTION}


class RiskFlagForm(forms.Form):
    description = _text_area("What is the risk to the child now?", required=True)
    description.error_messages = {"required": ENTER_RISK}


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.display_name


class ActionForm(forms.Form):
    description = _text_area("Action for the case", required=True)
    description.error_messages = {"required": ENTER_ACTION}
    owner = UserChoiceField(queryset=User.objects.none(), required=False, label="Owner (optional)")
    due_on = GovukDateField(label="Due date", error_messages={"required": ENTER_DUE_DATE})

    def __init__(self, *args, audit, **kwargs):
        """The owner is one of the people who can act on the audit's team's work."""
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = users_acting_for_team(audit.team)


class ModerationForm(forms.Form):
    grade = forms.ChoiceField(
        widget=forms.RadioSelect, label="Moderated grade", error_messages={"required": CHOOSE_MODERATED_GRADE}
    )
    comments = _text_area("Comments for the auditor")

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = audit.overall_grade.scale
        self.fields["grade"].choices = _grade_choices(self.scale)

    def clean_grade(self):
        return Grade.objects.get(scale=self.scale, pk=self.cleaned_data["grade"])


# The audit programme.

CHOOSE_CASE_FILE = "Choose the case list CSV file"
ENTER_PERIOD_START = "Enter the plan's first day"
ENTER_PERIOD_END = "Enter the plan's last day"
PERIOD_END_BEFORE_START = "The last day must be the same as or after the first day"
CHOOSE_SERVICE = "Choose the service"
TEAM_NOT_IN_SERVICE = "Choose a team in the plan's service, or leave it blank"
ENTER_SAMPLE_SIZE = "Enter how many cases to sample, 1 or more"
ENTER_SKIP_MONTHS = "Enter a number of months, 0 or more"
CHOOSE_AUDITOR = "Choose the auditor"
ENTER_ASSIGNMENT_DUE_DATE = "Enter the date the audit is due"
CHOOSE_CASES = "Choose the cases to assign"


class CaseImportForm(forms.Form):
    file = forms.FileField(
        label="Case list (CSV)",
        help_text="Columns: case_reference, team, worker (optional), case_type, opened_on (YYYY-MM-DD)",
        error_messages={"required": CHOOSE_CASE_FILE},
    )


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, service):
        return service.name


class AuditPlanForm(forms.Form):
    period_start = GovukDateField(
        label="First day", help_text="For example, 1 4 2026", error_messages={"required": ENTER_PERIOD_START}
    )
    period_end = GovukDateField(
        label="Last day", help_text="The end of the month or quarter", error_messages={"required": ENTER_PERIOD_END}
    )
    service = ServiceChoiceField(
        queryset=Service.objects.order_by("kind"), label="Service", error_messages={"required": CHOOSE_SERVICE}
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(is_active=True).select_related("service").order_by("service__kind", "name"),
        required=False,
        label="Team (optional)",
        help_text="Leave blank to sample from the whole service. A team includes the teams beneath it.",
    )
    tool = ToolChoiceField(
        queryset=AuditTool.objects.filter(is_active=True, versions__is_draft=False).distinct().order_by("name"),
        widget=forms.RadioSelect,
        label="Audit tool",
        error_messages={"required": CHOOSE_TOOL},
    )
    sample_size = forms.IntegerField(
        min_value=1,
        max_value=1000,
        label="Number of cases to sample",
        error_messages={"required": ENTER_SAMPLE_SIZE, "min_value": ENTER_SAMPLE_SIZE, "invalid": ENTER_SAMPLE_SIZE},
    )
    skip_months = forms.IntegerField(
        min_value=0,
        max_value=120,
        initial=6,
        label="Leave out cases audited within this many months",
        error_messages={"required": ENTER_SKIP_MONTHS, "min_value": ENTER_SKIP_MONTHS, "invalid": ENTER_SKIP_MONTHS},
    )
    due_on = GovukDateField(
        required=False,
        label="Due date for the plan's audits (optional)",
        help_text="Offered when cases are assigned. Leave blank for the plan's last day.",
    )

    @classmethod
    def for_plan(cls, data, plan):
        fields = ["period_start", "period_end", "service", "team", "tool", "sample_size", "skip_months", "due_on"]
        return cls(data, initial={name: getattr(plan, name) for name in fields})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", PERIOD_END_BEFORE_START)
        service, team = cleaned.get("service"), cleaned.get("team")
        if service and team and team.service_id != service.pk:
            self.add_error("team", TEAM_NOT_IN_SERVICE)
        return cleaned


class SampleForm(forms.Form):
    stratify = forms.BooleanField(
        required=False, label="Stratify by team: each team's share in proportion to its cases"
    )


class AssignmentForm(forms.Form):
    auditor = UserChoiceField(
        queryset=User.objects.none(), label="Auditor", error_messages={"required": CHOOSE_AUDITOR}
    )
    due_on = GovukDateField(label="Due date", error_messages={"required": ENTER_ASSIGNMENT_DUE_DATE})

    def __init__(self, *args, auditors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["auditor"].queryset = auditors


class BulkAssignmentForm(AssignmentForm):
    """Several sampled cases of a plan, one auditor and one due date."""

    planned = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Cases to assign",
        help_text="Cases whose audit has been started cannot be reassigned",
        error_messages={"required": CHOOSE_CASES},
    )
    field_order = ["planned", "auditor", "due_on"]

    def __init__(self, *args, planned, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned"].queryset = planned
        self.fields["planned"].label_from_instance = self._case_label

    @staticmethod
    def _case_label(planned):
        who = f", assigned to {planned.auditor.display_name}" if planned.auditor_id else ", not assigned"
        return f"{planned.case.case_reference} ({planned.case.team.name}{who})"


# Historic audits from a spreadsheet.

CHOOSE_AUDITS_FILE = "Choose the CSV file of historic audits"


class AuditImportForm(forms.Form):
    file = forms.FileField(label="Historic audits (CSV)", error_messages={"required": CHOOSE_AUDITS_FILE})
    create_teams = forms.BooleanField(
        required=False,
        label="Add teams not in PSW Hub",
        help_text="A team named in the file but not in PSW Hub is added to the service in its service column "
        "(children when it has none). Leave this unticked to be told about such teams instead.",
    )


# Audit tools.

ENTER_TOOL_NAME = "Enter the tool's name"
CHOOSE_AUDIT_TYPE = "Choose the type of audit"
CHOOSE_SCALE = "Choose the grade scale"
ENTER_SECTION_TITLE = "Enter the section's title"
ENTER_QUESTION = "Enter the question"
CHOOSE_ANSWER_TYPE = "Choose how the question is answered"
SERVICE_KIND_CHOICES = [
    ("", "Children's and adults' services"),
    ("children", "Children's services"),
    ("adults", "Adults' services"),
]


class ScaleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, scale):
        return scale.name


class AuditToolForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name", error_messages={"required": ENTER_TOOL_NAME})
    audit_type = forms.ChoiceField(
        choices=AuditType.choices,
        widget=forms.RadioSelect,
        label="Type of audit",
        error_messages={"required": CHOOSE_AUDIT_TYPE},
    )
    service_kind = forms.ChoiceField(choices=SERVICE_KIND_CHOICES, required=False, label="Used in")
    scale = ScaleChoiceField(
        queryset=GradeScale.objects.order_by("name"),
        widget=forms.RadioSelect,
        label="Grade scale",
        help_text="Sections and the overall grade are graded on this scale",
        error_messages={"required": CHOOSE_SCALE},
    )
    description = forms.CharField(required=False, widget=forms.Textarea, label="Description (optional)")


class SectionForm(forms.Form):
    title = forms.CharField(max_length=200, label="Section title", error_messages={"required": ENTER_SECTION_TITLE})
    guidance = forms.CharField(required=False, widget=forms.Textarea, label="Guidance for auditors (optional)")
    is_graded = forms.BooleanField(required=False, initial=True, label="Auditors give this section a grade")


class QuestionForm(forms.Form):
    text = forms.CharField(max_length=300, label="Question", error_messages={"required": ENTER_QUESTION})
    kind = forms.ChoiceField(
        choices=Question.KIND_CHOICES,
        widget=forms.RadioSelect,
        label="Answer",
        initial=Question.YES_NO_PARTLY,
        error_messages={"required": CHOOSE_ANSWER_TYPE},
    )
