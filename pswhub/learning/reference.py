"""Reference data of learning, with stable codes: the kinds of learning event, the services an
event is for, the supervision policy of Standard 5 and the starting list of topics. Data
migrations load the policy and the topics; code compares with these codes, never with names."""

# (code, name)
EVENT_KINDS = [
    ("course", "Course session"),
    ("briefing", "Briefing"),
    ("conference", "Conference"),
    ("learning_forum", "Learning forum"),
    ("practice_week", "Practice week"),
    ("social_work_week", "Social Work Week event"),
    ("schwartz_round", "Schwartz Round"),
    ("group_supervision", "Group reflective supervision"),
]
EVENT_KIND_CODES = [code for code, _ in EVENT_KINDS]
SCHWARTZ_ROUND = "schwartz_round"

SERVICES = [("children", "Children's services"), ("adults", "Adults' services"), ("joint", "Joint")]
SERVICE_CODES = [code for code, _ in SERVICES]
JOINT = "joint"

# Standard 5 of the Standards for employers of social workers in England (LGA): "weekly for the
# first six weeks of employment of a newly qualified social worker, at least fortnightly for the
# duration of the first six months, and a minimum of monthly supervision sessions thereafter",
# each of "at least an hour and a half of uninterrupted time". Steps: (up to this many days after
# the newly qualified start, one session at least every this many days); None means thereafter.
STANDARD_5 = {
    "code": "standard_5",
    "name": "Standard 5 of the employer standards",
    "minimum_minutes": 90,
    "group_sessions_count": False,
    "steps": [(42, 7), (182, 14), (None, 31)],
}

# (code, name, audit learning theme code or "")
TOPICS = [
    ("parental-alienation", "Parental alienation", ""),
    ("voice-of-the-child", "Voice of the child", "voice-of-the-child"),
    ("chronology", "Chronologies and genograms", "chronology"),
    ("assessment-analysis", "Analysis in assessments", "assessment-analysis"),
    ("smart-planning", "SMART planning", "smart-planning"),
    ("management-oversight", "Management oversight", "management-oversight"),
    ("reflective-supervision", "Reflective supervision", "supervision"),
    ("multi-agency", "Multi-agency working", "multi-agency"),
    ("risk-analysis", "Risk analysis", "risk-analysis"),
    ("family-network", "Family networks", "family-network"),
    ("equality-diversity", "Identity, equality and diversity", "equality-diversity"),
    ("transitions", "Transitions to adulthood", "transitions"),
    ("permanence", "Permanence planning", "permanence"),
    ("strengths-based", "Strengths-based practice", "strengths-based"),
    ("mental-capacity", "Mental Capacity Act", "mental-capacity"),
    ("making-safeguarding-personal", "Making safeguarding personal", "making-safeguarding-personal"),
    ("carers", "Support for carers", "carers"),
    ("domestic-abuse", "Domestic abuse", ""),
    ("contextual-safeguarding", "Contextual safeguarding", ""),
    ("wellbeing", "Staff wellbeing and resilience", ""),
]
