"""The demo council's learning and supervision from April 2023 to the demo's today (1 November
2026) and a few planned events after it: monthly learning forums and Schwartz Rounds (some
joint), courses on the seeds' topics, briefings, a yearly conference, practice weeks, Social Work
Week each March and group reflective supervision; supervision sessions for everyone in post,
with newly qualified workers seen more often and a few workers falling behind."""

from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from pswhub.core.models import StaffMember

from .models import Booking, LearningEvent, NewlyQualifiedStart, SupervisionSession, Topic

FIRST_YEAR = 2023

COURSES = [
    ("Parental alienation: understanding the evidence", "children", ["parental-alienation", "voice-of-the-child"]),
    ("Writing analytical assessments", "joint", ["assessment-analysis", "chronology"]),
    ("SMART plans that families understand", "children", ["smart-planning"]),
    ("The Mental Capacity Act in practice", "adults", ["mental-capacity"]),
    ("Making safeguarding personal", "adults", ["making-safeguarding-personal", "carers"]),
    ("Domestic abuse and coercive control", "joint", ["domestic-abuse", "risk-analysis"]),
    ("Family networks and family group conferences", "children", ["family-network"]),
    ("Preparing for adulthood", "joint", ["transitions"]),
]


def _month_days(start, end, day):
    current = date(start.year, start.month, min(day, 28))
    while current <= end:
        yield current
        current = date(current.year + (current.month == 12), current.month % 12 + 1, current.day)


def load_learning_demo(*, rng, authority, today):
    topics = {topic.code: topic for topic in Topic.objects.all()}
    start, end = date(FIRST_YEAR, 4, 1), today + timedelta(days=90)
    events, event_topics = [], []

    def add(title, kind, service, held_on, codes=(), places=None, booked=True):
        past = held_on <= today
        places = places or rng.choice([20, 25, 30, 40])
        taken = rng.randint(places * 6 // 10, places) if booked else None
        event = LearningEvent(
            title=title,
            kind=kind,
            service=service,
            held_on=held_on,
            places=places,
            booked_count=taken,
            attended_count=(taken - rng.randint(0, max(1, taken // 8))) if past and taken else None,
            evaluation_responses=rng.randint(5, 15) if past and kind in ("course", "conference") else None,
        )
        if event.evaluation_responses:
            event.evaluation_score = round(rng.uniform(3.6, 4.9), 1)
        events.append(event)
        event_topics.append([topics[code] for code in codes if code in topics])

    for index, day in enumerate(_month_days(start, end, 12)):
        add("Monthly learning forum", "learning_forum", "joint", day, ["strengths-based"], places=60)
        if day.month not in (8, 12):
            add(
                "Schwartz Round",
                "schwartz_round",
                "joint" if index % 3 == 0 else rng.choice(["children", "adults"]),
                day + timedelta(days=7),
                ["wellbeing"],
                places=50,
                booked=False,
            )
        title, service, codes = COURSES[index % len(COURSES)]
        add(title, "course", service, day + timedelta(days=3), codes)
        if index % 2 == 0:
            add(
                "Practice briefing", "briefing", "joint", day + timedelta(days=10), ["management-oversight"], places=250
            )
        for team_kind in ("children", "adults"):
            add(
                f"Group reflective supervision ({team_kind})",
                "group_supervision",
                team_kind,
                day + timedelta(days=14),
                ["reflective-supervision"],
                places=12,
            )
    for year in range(FIRST_YEAR, today.year + 1):
        add("Annual practice conference", "conference", "joint", date(year, 10, 20), ["voice-of-the-child"], places=150)
        add("Practice week", "practice_week", "children", date(year, 6, 16), ["voice-of-the-child"], places=120)
        if date(year, 3, 18) >= start:
            add("Social Work Week: celebrating practice", "social_work_week", "joint", date(year, 3, 18), places=200)
    saved = bulk_create_with_history(events, LearningEvent)
    through = LearningEvent.topics.through
    through.objects.bulk_create(
        [
            through(learningevent_id=event.pk, topic_id=topic.pk)
            for event, chosen in zip(saved, event_topics, strict=True)
            for topic in chosen
        ]
    )
    _demo_bookings(rng, authority, today, saved)
    _demo_supervision(rng, authority, today)


def _demo_bookings(rng, authority, today, events):
    """Named bookings on courses for the demo worker and some colleagues (the rest are counts)."""
    staff = list(StaffMember.objects.filter(team__service__authority=authority, left_on__isnull=True).order_by("pk"))
    courses = [event for event in events if event.kind == "course"]
    bookings = []
    named = [member for member in staff if member.user_id] + rng.sample(staff, min(30, len(staff)))
    for event in courses[-24:]:
        for member in {member.pk: member for member in rng.sample(named, min(6, len(named)))}.values():
            bookings.append(Booking(event=event, staff_member=member, attended=event.held_on <= today))
    bulk_create_with_history(bookings, Booking)


def _demo_supervision(rng, authority, today):
    staff = StaffMember.objects.filter(team__service__authority=authority).order_by("pk")
    sessions, starts = [], []
    for member in staff:
        began = max(member.started_on or date(2019, 4, 1), date(2025, 4, 1))
        finish = min(member.left_on or today, today)
        newly_qualified = "ASYE" in member.job_title and member.started_on
        if newly_qualified:
            starts.append(NewlyQualifiedStart(staff_member=member, started_on=member.started_on))
        behind = rng.random() < 0.12
        day = began + timedelta(days=rng.randint(3, 10))
        while day <= finish:
            sessions.append(
                SupervisionSession(
                    staff_member=member,
                    held_on=day,
                    kind="individual",
                    minutes=rng.choice([60, 90, 90, 90, 120]),
                )
            )
            early = newly_qualified and (day - member.started_on).days < 182
            gap = (7 if (day - member.started_on).days < 42 else 14) if early else rng.randint(24, 31)
            day += timedelta(days=gap + (rng.randint(10, 30) if behind else 0))
    bulk_create_with_history(starts, NewlyQualifiedStart)
    bulk_create_with_history(sessions, SupervisionSession, batch_size=2000)
