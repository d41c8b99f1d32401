from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.periods import year_label
from pswhub.core.views import require

from . import selectors, services
from .anonymity import survey_threshold
from .forms import (
    CommentReviewForm,
    CommitmentForm,
    CommitmentUpdateForm,
    FrontlineMeetingForm,
    FrontlinePointForm,
    LgaResultForm,
    PlanForm,
    QuestionForm,
    RunForm,
    SurveyForm,
    ThemeForm,
)
from .models import Comment, Commitment, FrontlineMeeting, Plan, Question, Run, RunService, Theme
from .presenters import Present

THANK_YOU = "Thank you. Your answers have been recorded anonymously"


def render(request, template, context):
    return django_render(
        request,
        template,
        {"present": Present, "today": timezone.localdate(), "threshold": survey_threshold(), **context},
    )


def _post(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, title, button, back, caption="Social Work Health Check"):
    return render(
        request, "form_page.html", {"form": form, "title": title, "button": button, "back": back, "caption": caption}
    )


def home(request):
    require(request, "health_check.view_own")
    today = timezone.localdate()
    return render(
        request,
        "health_check/home.html",
        {
            "to_answer": selectors.runs_to_answer(user=request.user, today=today),
            "plans": selectors.plan_list(published_only=True),
        },
    )


def answer(request, pk):
    run = get_object_or_404(Run, pk=pk)
    require(request, "health_check.answer", run)
    staff = getattr(request.user, "staff_member", None)
    ask_service = run.service == RunService.JOINT and not (staff is not None and staff.team_id)
    form = SurveyForm(_post(request), run_questions=selectors.run_questions(run), ask_service=ask_service)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(
                user=request.user,
                run=run,
                today=timezone.localdate(),
                choices=form.choices(),
                role=form.role(),
                service=form.cleaned_data.get("service", ""),
                comment=form.cleaned_data["comment"],
            )
        except services.AnswerRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("health_check:home")
        messages.success(request, THANK_YOU)
        return redirect("health_check:home")
    return render(request, "health_check/answer.html", {"run": run, "form": form})


def run_list(request):
    require(request, "health_check.view_results")
    return render(
        request,
        "health_check/run_list.html",
        {"runs": selectors.run_list(), "lga_results": selectors.lga_results()},
    )


def run_create(request):
    require(request, "health_check.manage_runs")
    form = RunForm(_post(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = services.run_create(
            user=request.user,
            title=data["title"],
            service=data["service"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            invited_users=selectors.invitees(data["service"]),
        )
        messages.success(request, f"“{run.title}” has been set up")
        return redirect("health_check:run_results", pk=run.pk)
    return _form_page(
        request, form, title="Set up a health check run", button="Set up run", back=reverse("health_check:run_list")
    )


def run_results(request, pk):
    require(request, "health_check.view_results")
    run = get_object_or_404(Run, pk=pk)
    services_shown = ["children", "adults"] if run.service == RunService.JOINT else [run.service]
    years = [run.year_start - 2, run.year_start - 1, run.year_start]
    summary = selectors.run_summary(run)
    return render(
        request,
        "health_check/run_results.html",
        {
            "summary": summary,
            "breakdowns": summary["breakdowns"],
            "questions": selectors.run_questions(run),
            "standards": selectors.standards(),
            "comments": selectors.comments_shown(run),
            "trends": [(service, selectors.trend(service=service, years=years)) for service in services_shown],
            "years": [(year, year_label(year)) for year in years],
        },
    )


def comment_list(request, pk):
    require(request, "health_check.review_comments")
    run = get_object_or_404(Run, pk=pk)
    comments = selectors.comments_to_review(run)
    return render(
        request,
        "health_check/comment_list.html",
        {
            "run": run,
            "rows": [
                (
                    comment,
                    CommentReviewForm(
                        initial={"shown_text": comment.shown_text or comment.text}, prefix=str(comment.pk)
                    ),
                )
                for comment in comments
            ],
        },
    )


@require_POST
def comment_review(request, pk):
    require(request, "health_check.review_comments")
    comment = get_object_or_404(Comment.objects.select_related("response__run"), pk=pk)
    form = CommentReviewForm(request.POST, prefix=str(comment.pk))
    if form.is_valid():
        services.comment_review(
            user=request.user, comment=comment, shown_text=form.cleaned_data["shown_text"], today=timezone.localdate()
        )
        messages.success(request, "The comment has been read and may now be shown")
    else:
        messages.error(request, "Enter the text to show")
    return redirect("health_check:comment_list", pk=comment.response.run_id)


def lga_result_entry(request):
    require(request, "health_check.manage_runs")
    form = LgaResultForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.lga_result_save(
            user=request.user,
            year_start=form.cleaned_data["year_start"],
            service=form.cleaned_data["service"],
            scores=form.scores(),
        )
        messages.success(request, "The LGA's results have been saved")
        return redirect("health_check:run_list")
    return _form_page(
        request,
        form,
        title="Enter the LGA's health check results",
        button="Save results",
        back=reverse("health_check:run_list"),
    )


def plan_list(request):
    require(request, "health_check.view_plans")
    published_only = not request.user.has_perm("health_check.change_plans")
    return render(request, "health_check/plan_list.html", {"plans": selectors.plan_list(published_only=published_only)})


def plan_create(request):
    require(request, "health_check.change_plans")
    form = PlanForm(_post(request))
    if request.method == "POST" and form.is_valid():
        plan = services.plan_save(user=request.user, **form.cleaned_data)
        return redirect("health_check:plan_detail", pk=plan.pk)
    return _form_page(
        request, form, title="Start an action plan", button="Save plan", back=reverse("health_check:plan_list")
    )


def plan_detail(request, pk):
    plan = get_object_or_404(Plan, pk=pk)
    require(request, "health_check.view_plan", plan)
    today = timezone.localdate()
    themes = []
    for theme in selectors.plan_detail(plan):
        commitments = [(c, selectors.commitment_latest_update(c)) for c in theme.commitments.all()]
        themes.append((theme, commitments))
    return render(request, "health_check/plan_detail.html", {"plan": plan, "themes": themes, "today": today})


@require_POST
def plan_publish(request, pk):
    require(request, "health_check.change_plans")
    plan = get_object_or_404(Plan, pk=pk)
    services.plan_publish(user=request.user, plan=plan, today=timezone.localdate())
    messages.success(request, "The plan is published: every member of staff can read it")
    return redirect("health_check:plan_detail", pk=plan.pk)


def theme_create(request, pk):
    require(request, "health_check.change_plans")
    plan = get_object_or_404(Plan, pk=pk)
    form = ThemeForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.theme_save(user=request.user, plan=plan, order=plan.themes.count(), **form.cleaned_data)
        return redirect("health_check:plan_detail", pk=plan.pk)
    return _form_page(
        request,
        form,
        title="Add a theme",
        button="Save theme",
        back=reverse("health_check:plan_detail", args=[plan.pk]),
    )


def commitment_create(request, pk):
    require(request, "health_check.change_plans")
    theme = get_object_or_404(Theme, pk=pk)
    form = CommitmentForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.commitment_save(user=request.user, theme=theme, **form.cleaned_data)
        return redirect("health_check:plan_detail", pk=theme.plan_id)
    return _form_page(
        request,
        form,
        title="Add what we will do",
        button="Save",
        back=reverse("health_check:plan_detail", args=[theme.plan_id]),
    )


def commitment_detail(request, pk):
    commitment = get_object_or_404(Commitment.objects.select_related("theme__plan"), pk=pk)
    require(request, "health_check.view_plan", commitment.theme.plan)
    form = CommitmentUpdateForm(_post(request), initial={"as_at": timezone.localdate()})
    if request.method == "POST":
        require(request, "health_check.change_plans")
        if form.is_valid():
            services.commitment_update_add(user=request.user, commitment=commitment, **form.cleaned_data)
            messages.success(request, "The progress update has been added")
            return redirect("health_check:commitment_detail", pk=commitment.pk)
    return render(
        request,
        "health_check/commitment_detail.html",
        {
            "commitment": commitment,
            "updates": commitment.updates.all(),
            "form": form,
            "points": commitment.frontline_points.select_related("meeting"),
        },
    )


def frontline_list(request):
    require(request, "health_check.change_plans")
    return render(
        request,
        "health_check/frontline_list.html",
        {"meetings": FrontlineMeeting.objects.prefetch_related("teams", "points")},
    )


def frontline_create(request):
    require(request, "health_check.change_plans")
    form = FrontlineMeetingForm(_post(request))
    if request.method == "POST" and form.is_valid():
        meeting = services.frontline_meeting_save(user=request.user, **form.cleaned_data)
        return redirect("health_check:frontline_detail", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title="Record a meeting with practitioners",
        button="Save meeting",
        back=reverse("health_check:frontline_list"),
    )


def frontline_detail(request, pk):
    require(request, "health_check.change_plans")
    meeting = get_object_or_404(FrontlineMeeting, pk=pk)
    form = FrontlinePointForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.frontline_point_add(user=request.user, meeting=meeting, **form.cleaned_data)
        return redirect("health_check:frontline_detail", pk=meeting.pk)
    return render(
        request,
        "health_check/frontline_detail.html",
        {"meeting": meeting, "points": meeting.points.select_related("commitment"), "form": form},
    )


def question_list(request):
    require(request, "health_check.manage_runs")
    return render(
        request, "health_check/question_list.html", {"questions": Question.objects.select_related("standard")}
    )


def question_create(request):
    return _question_form(request, question=None)


def question_edit(request, pk):
    return _question_form(request, question=get_object_or_404(Question, pk=pk))


def _question_form(request, *, question):
    """Adding, rewording or retiring a question changes new runs only: a run keeps the wording
    it asked."""
    require(request, "health_check.manage_runs")
    initial = (
        {
            "code": question.code,
            "standard": question.standard,
            "wording": question.wording,
            "is_current": question.is_current,
        }
        if question
        else {"is_current": True}
    )
    form = QuestionForm(_post(request), question=question, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {"wording": data["wording"], "is_current": data["is_current"]}
        if question is None:
            fields |= {"code": data["code"], "standard": data["standard"]}
        services.question_save(user=request.user, question=question, **fields)
        messages.success(request, "The question set has been saved. Runs already set up keep their wording")
        return redirect("health_check:question_list")
    return _form_page(
        request,
        form,
        title="Change a question" if question else "Add a question",
        button="Save question",
        back=reverse("health_check:question_list"),
    )
