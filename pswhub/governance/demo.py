"""The demo council's work plan for three years, the committees that heard the PSW's reports, the
actions they set and a peer review, echoing the seeds."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from pswhub.core.models import User

from .models import (
    ActionStatus,
    ActionUpdate,
    CommitteeAction,
    CommitteeMeeting,
    FindingKind,
    PeerReview,
    PeerReviewFinding,
    Priority,
    PriorityUpdate,
    Rag,
    ServiceScope,
)

# (title, service, measures, RAG at each quarter of each year it runs, years it runs)
PRIORITIES = [
    (
        "Recruit and retain experienced social workers",
        ServiceScope.ALL,
        "Turnover below 12%\nAgency social workers below 10% of posts",
        {2024: "AAAG", 2025: "AGGG", 2026: "GA"},
    ),
    (
        "Raise the quality of practice to good or better",
        ServiceScope.CHILDREN,
        "70% of audited case files good or better\nEvery team audited each quarter",
        {2024: "RAAA", 2025: "AAGG", 2026: "G"},
    ),
    (
        "Embed a strengths-based practice model",
        ServiceScope.ALL,
        "Training reaches 450 practitioners\nGroup reflective supervision in every team",
        {2024: "AAGG", 2025: "GGGG"},
    ),
    (
        "Support newly qualified social workers through the ASYE",
        ServiceScope.ALL,
        "Protected caseloads checked each month\nFewer than 10% leave in their first year",
        {2025: "AARA", 2026: "AA"},
    ),
    (
        "Respond to the Social Work Health Check",
        ServiceScope.ALL,
        "A 'You said, we will' plan agreed with staff\nEvery action owned and dated",
        {2025: "AAG", 2026: "G"},
    ),
    (
        "Adults' practice: Care Act assessments within 28 days",
        ServiceScope.ADULTS,
        "80% of assessments within 28 days",
        {2024: "RRAA", 2025: "AAAG"},
    ),
]

NARRATIVE = {
    Rag.GREEN: (
        "On track. The measures for this quarter were met and the practice development team has reported "
        "the progress to the senior leadership team."
    ),
    Rag.AMBER: (
        "Progress is slower than planned. The reasons have been discussed with the service leads and the "
        "plan has been adjusted for the next quarter."
    ),
    Rag.RED: (
        "Off track this quarter. Vacancies in two teams have held back the work; the PSW has asked the "
        "director for extra support."
    ),
}

MEETINGS = [
    # committee, date, agenda item, service, actions: (description, owner, due offset in days, status, done offset)
    (
        "Children and Young People's Select Committee",
        date(2024, 7, 11),
        "Principal Social Worker annual report 2023/24",
        ServiceScope.CHILDREN,
        [
            (
                "To add the age and gender of newly qualified social workers to future reports.",
                "Priya Shah",
                90,
                ActionStatus.DONE,
                70,
            ),
            (
                "To circulate information as to which courses cover parental alienation.",
                "Priya Shah",
                30,
                ActionStatus.DONE,
                21,
            ),
        ],
    ),
    (
        "Adult Social Care Scrutiny Panel",
        date(2024, 11, 20),
        "Principal Social Worker update",
        ServiceScope.ADULTS,
        [
            (
                "To report the number of Care Act assessments completed within 28 days by team.",
                "Priya Shah",
                120,
                ActionStatus.DONE,
                110,
            ),
        ],
    ),
    (
        "Children and Young People's Select Committee",
        date(2025, 7, 10),
        "Principal Social Worker annual report 2024/25",
        ServiceScope.CHILDREN,
        [
            (
                "To bring the findings of the Social Work Health Check and the action plan to the next meeting.",
                "Priya Shah",
                120,
                ActionStatus.DONE,
                100,
            ),
            (
                "To explain how caseloads of newly qualified social workers are kept below the agreed level.",
                "Marcus Green",
                60,
                ActionStatus.DONE,
                75,
            ),
            (
                "To set out the plans to bring the number of case audits back to earlier levels.",
                "Quentin Adams",
                90,
                ActionStatus.DROPPED,
                80,
            ),
        ],
    ),
    (
        "Adult Social Care Scrutiny Panel",
        date(2026, 2, 4),
        "Workforce and practice update",
        ServiceScope.ADULTS,
        [
            ("To share the retention figures for qualified staff by role.", "Harriet Reid", 45, ActionStatus.DONE, 40),
            ("To invite the panel to a Schwartz Round.", "Priya Shah", 120, ActionStatus.IN_PROGRESS, None),
        ],
    ),
    (
        "Children and Young People's Select Committee",
        date(2026, 9, 17),
        "Principal Social Worker annual report 2025/26",
        ServiceScope.CHILDREN,
        [
            (
                "To report the use of agency social workers by team at the next meeting.",
                "Harriet Reid",
                35,
                ActionStatus.OPEN,
                None,
            ),
            (
                "To provide the number of student placements hosted with each university.",
                "Priya Shah",
                55,
                ActionStatus.IN_PROGRESS,
                None,
            ),
        ],
    ),
]

PEER_REVIEW_FINDINGS = [
    (
        FindingKind.STRENGTH,
        "Social workers know their children well and speak about them with warmth and respect.",
        "We will keep the practice weeks that let managers hear this directly.",
    ),
    (
        FindingKind.STRENGTH,
        "The PSW is visible and trusted; staff say they are listened to.",
        "The PSW will keep attending team meetings across both localities each quarter.",
    ),
    (
        FindingKind.IMPROVEMENT,
        "Care plans describe outputs rather than outcomes for the child.",
        "Training on writing outcome-focused plans runs for every team by March 2026.",
    ),
    (FindingKind.IMPROVEMENT, "Caseloads in two assessment teams are above the agreed average of 24.", ""),
]


def _moment(day):
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def load_governance_demo(*, rng, authority, today):
    people = {user.display_name: user for user in User.objects.filter(username__startswith="demo-")}
    psw = people.get("Priya Shah")
    for order, (title, service, measures, years) in enumerate(PRIORITIES):
        previous = None
        for year, rags in sorted(years.items()):
            priority = Priority.objects.create(
                year_start=year,
                title=title,
                service=service,
                measures=measures,
                owner=psw,
                order=order,
                description=f"{title}, as agreed with the director for {year}/{(year + 1) % 100:02d}.",
                carried_from=previous,
            )
            for quarter, code in enumerate(rags):
                as_at = date(year, 4, 1) + timedelta(days=91 * quarter + 80)
                if as_at > today:
                    break
                rag = {"G": Rag.GREEN, "A": Rag.AMBER, "R": Rag.RED}[code]
                PriorityUpdate.objects.create(
                    priority=priority,
                    as_at=as_at,
                    rag=rag,
                    narrative=NARRATIVE[rag],
                    created_by=psw,
                    created_at=_moment(as_at),
                )
            previous = priority

    for committee, held_on, item, service, actions in MEETINGS:
        meeting = CommitteeMeeting.objects.create(
            committee=committee,
            held_on=held_on,
            agenda_item=item,
            service=service,
            notes="The committee received the report, asked questions and agreed the actions below.",
        )
        for description, owner_name, due_in, status, done_in in actions:
            action = CommitteeAction.objects.create(
                meeting=meeting,
                description=description,
                owner_name=owner_name,
                owner=people.get(owner_name),
                due_on=held_on + timedelta(days=due_in),
                status=status,
                completed_on=held_on + timedelta(days=done_in) if status == ActionStatus.DONE else None,
            )
            if status != ActionStatus.OPEN:
                on = held_on + timedelta(days=done_in or 20)
                ActionUpdate.objects.create(
                    action=action,
                    status=status,
                    created_by=psw,
                    created_at=_moment(min(on, today)),
                    narrative={
                        ActionStatus.DONE: "Done: the information was sent to members of the committee.",
                        ActionStatus.IN_PROGRESS: "Under way: the information is being gathered from the teams.",
                        ActionStatus.DROPPED: (
                            "The committee agreed this is covered by the audit figures in the annual report."
                        ),
                    }[status],
                )

    review = PeerReview.objects.create(
        title="Peer review of social work practice",
        reviewed_on=date(2025, 11, 12),
        reviewers="Principal social workers from two neighbouring councils, through the regional PSW network",
        summary="Three days of case discussions, observations and focus groups with social workers and managers.",
    )
    for kind, finding, response in PEER_REVIEW_FINDINGS:
        PeerReviewFinding.objects.create(
            review=review,
            kind=kind,
            finding=finding,
            response=response,
            responded_on=date(2025, 12, 15) if response else None,
        )
