"""Reference data for audits, with stable codes: the default grade scale, the learning-theme
taxonomy and the four default audit tools. Data migrations load these; code compares with the
codes, never with display names."""

OFSTED_SCALE = "ofsted"
OUTSTANDING = "outstanding"
GOOD = "good"
REQUIRES_IMPROVEMENT = "requires_improvement"
INADEQUATE = "inadequate"

# Ofsted's four-point scale (ILACS): (code, name, rank, counts as good or better)
OFSTED_GRADES = [
    (OUTSTANDING, "Outstanding", 1, True),
    (GOOD, "Good", 2, True),
    (REQUIRES_IMPROVEMENT, "Requires improvement to be good", 3, False),
    (INADEQUATE, "Inadequate", 4, False),
]
GRADE_CODES = [code for code, *_ in OFSTED_GRADES]

LEARNING_THEMES = [
    ("voice-of-the-child", "Voice of the child"),
    ("chronology", "Chronology and genogram"),
    ("assessment-analysis", "Analysis in assessments"),
    ("smart-planning", "SMART plans"),
    ("management-oversight", "Management oversight"),
    ("supervision", "Reflective supervision"),
    ("multi-agency", "Multi-agency working"),
    ("timely-recording", "Timely recording"),
    ("impact-on-the-child", "Impact on the child"),
    ("risk-analysis", "Risk analysis"),
    ("family-network", "Family network and wider family"),
    ("equality-diversity", "Identity, equality and diversity"),
    ("transitions", "Transitions to adulthood"),
    ("permanence", "Permanence planning"),
    ("strengths-based", "Strengths-based practice"),
    ("mental-capacity", "Mental capacity"),
    ("making-safeguarding-personal", "Making safeguarding personal"),
    ("carers", "Support for carers"),
]

YNP, TEXT = "yes_no_partly", "text"

# Full case audit domains from standards-and-figures.md §2 (the "Child's Journey" tool, Dudley,
# Lincolnshire): each section graded on the scale, with questions.
FULL_CASE_AUDIT_SECTIONS = [
    (
        "chronology",
        "Chronology and genogram",
        [
            ("chronology-up-to-date", "Is there an up-to-date chronology of significant events?", YNP),
            ("genogram", "Is there a genogram or family network map?", YNP),
        ],
    ),
    (
        "assessment",
        "Assessment",
        [
            ("assessment-timely", "Was the assessment completed on time?", YNP),
            ("child-seen-alone", "Was the child seen alone?", YNP),
            ("history-considered", "Does the assessment take account of history?", YNP),
            ("analysis", "Is there clear analysis of needs and risks?", YNP),
            ("manager-sign-off", "Did a manager sign the assessment off?", YNP),
        ],
    ),
    (
        "planning-review",
        "Planning and review",
        [
            ("plan-smart", "Is the plan specific, measurable and time-bound?", YNP),
            ("plan-reviewed", "Has the plan been reviewed on time?", YNP),
        ],
    ),
    (
        "voice-of-the-child",
        "Voice of the child",
        [
            ("wishes-recorded", "Are the child's wishes and feelings recorded in their own words?", YNP),
            ("views-shape-plan", "Have the child's views shaped the plan?", YNP),
        ],
    ),
    (
        "management-oversight",
        "Management oversight and supervision",
        [
            ("supervision-recorded", "Is regular case supervision recorded?", YNP),
            ("decisions-clear", "Are management decisions clear, with reasons?", YNP),
        ],
    ),
    (
        "multi-agency",
        "Multi-agency working",
        [
            ("partners-involved", "Are partner agencies involved and informed?", YNP),
        ],
    ),
    (
        "recording",
        "Recording",
        [
            ("recording-timely", "Is recording up to date?", YNP),
            ("recording-written-for-child", "Is recording written so the child could read it later?", YNP),
        ],
    ),
    (
        "impact",
        "Impact",
        [
            ("difference-made", "What difference has our involvement made to the child?", TEXT),
        ],
    ),
]

DIP_SAMPLE_SECTIONS = [
    (
        "compliance",
        "Compliance",
        [
            ("visits-in-timescale", "Are statutory visits within timescale?", YNP),
            ("plan-in-date", "Is the plan in date?", YNP),
            ("recording-timely", "Is recording up to date?", YNP),
        ],
    ),
    (
        "quality",
        "Quality",
        [
            ("child-seen", "Was the child seen and their views recorded?", YNP),
            ("management-oversight", "Is there evidence of management oversight?", YNP),
        ],
    ),
]

THEMED_IMPACT_SECTIONS = [
    (
        "childs-experience",
        "The child's experience",
        [
            ("day-in-the-life", "Does the record show what a day in the child's life is like?", YNP),
            ("childs-words", "Are the child's own words recorded?", YNP),
        ],
    ),
    (
        "impact-on-the-child",
        "Impact on the child",
        [
            ("what-changed", "What has changed for the child because of our work?", TEXT),
            ("outcomes-evidenced", "Are improved outcomes evidenced?", YNP),
        ],
    ),
    (
        "next-steps",
        "Next steps for the child",
        [
            ("plan-addresses-impact", "Does the plan address what still needs to change?", YNP),
        ],
    ),
]

ADULTS_SECTIONS = [
    (
        "assessment",
        "Assessment of needs (Care Act 2014)",
        [
            ("strengths-based", "Is the assessment strengths-based?", YNP),
            ("person-involved", "Was the person fully involved?", YNP),
            ("carer-assessed", "Was a carer's assessment offered?", YNP),
        ],
    ),
    (
        "mental-capacity",
        "Mental capacity",
        [
            ("capacity-considered", "Was capacity considered and recorded where relevant?", YNP),
        ],
    ),
    (
        "safeguarding",
        "Safeguarding and making safeguarding personal",
        [
            ("outcomes-asked", "Were the person's desired outcomes asked and recorded?", YNP),
        ],
    ),
    (
        "support-planning",
        "Support planning and review",
        [
            ("plan-reviewed", "Has the support plan been reviewed on time?", YNP),
        ],
    ),
    (
        "recording",
        "Recording and management oversight",
        [
            ("recording-timely", "Is recording up to date?", YNP),
            ("manager-oversight", "Is there evidence of management oversight?", YNP),
        ],
    ),
    (
        "impact",
        "Impact",
        [
            ("difference-made", "What difference has our involvement made to the person?", TEXT),
        ],
    ),
]

# (code, name, audit type, service kind, description, sections)
DEFAULT_TOOLS = [
    (
        "full-case-audit",
        "Full case audit",
        "full",
        "children",
        "A deep look at a child's case, done with the social worker and their manager.",
        FULL_CASE_AUDIT_SECTIONS,
    ),
    (
        "dip-sample",
        "Dip sample",
        "dip_sample",
        "",
        "A short check of a single case, done in a short time.",
        DIP_SAMPLE_SECTIONS,
    ),
    (
        "impact-on-the-child",
        "Themed audit: impact on the child",
        "themed",
        "children",
        "Looks at the service from the experience of the child.",
        THEMED_IMPACT_SECTIONS,
    ),
    (
        "adults-case-audit",
        "Adults' services case audit",
        "full",
        "adults",
        "A full case audit for adults' social work.",
        ADULTS_SECTIONS,
    ),
]
