"""Reference data with stable codes, loaded by a data migration (0002). Code compares with these
codes, never with display names.

Early career programmes are data, not code: the ASYE today and, from September 2027, the
two-year Early Career programme for children's social workers. Each says how long it lasts, when
its reviews fall (months after the start, the last being the final assessment) and for how many
months the lower, early-career workload capacity applies (docs/adr/0401-people-development.md)."""

from datetime import date

# Routes into social work a student placement or a newly qualified worker came by.
DEGREE = "degree"
MASTERS = "masters"
STEP_UP = "step_up"
FRONTLINE = "frontline"
APPRENTICESHIP = "apprenticeship"
THINK_AHEAD = "think_ahead"
OPEN_UNIVERSITY = "open_university"
OTHER = "other"
ROUTES = [
    (DEGREE, "Undergraduate degree", 10),
    (MASTERS, "Postgraduate (masters) degree", 20),
    (STEP_UP, "Step Up to Social Work", 30),
    (FRONTLINE, "Frontline", 40),
    (APPRENTICESHIP, "Social work apprenticeship", 50),
    (THINK_AHEAD, "Think Ahead", 60),
    (OPEN_UNIVERSITY, "Open University", 70),
    (OTHER, "Other", 80),
]

# Early career programmes: (code, name, length in months, review points in months, months of the
# lower workload capacity, first start date it applies to or None).
ASYE = "asye"
EARLY_CAREER = "early_career"
PROGRAMMES = [
    (ASYE, "Assessed and Supported Year in Employment (ASYE)", 12, [3, 6, 12], 12, None),
    (EARLY_CAREER, "Early Career programme (children's social work)", 24, [3, 6, 12, 18, 24], 24, date(2027, 9, 1)),
]

# The council's own career progression levels, lowest first.
PROGRESSION_LEVELS = [
    ("social_worker", "Social worker", 10),
    ("experienced_social_worker", "Experienced social worker", 20),
    ("senior_social_worker", "Senior social worker", 30),
    ("advanced_practitioner", "Advanced practitioner", 40),
    ("practice_supervisor", "Practice supervisor", 50),
    ("team_manager", "Team manager", 60),
]
