"""Reference data for workload weighting, with stable codes. Loaded by a data migration; code
compares with these constants, never with display names."""

CHILDREN = "children"
ADULTS = "adults"

STANDARD = "standard"
COMPLEX = "complex"
HIGHLY_COMPLEX = "highly_complex"

# (code, name, service kind, order)
CASE_TYPES = [
    ("child_in_need", "Child in need", CHILDREN, 10),
    ("child_protection", "Child protection", CHILDREN, 20),
    ("child_in_care", "Child in care", CHILDREN, 30),
    ("care_leaver", "Care leaver", CHILDREN, 40),
    ("court_work", "Court work (care proceedings or PLO)", CHILDREN, 50),
    ("assessment_child", "Children and families assessment", CHILDREN, 60),
    ("private_fostering", "Private fostering", CHILDREN, 70),
    ("assessment", "Care Act assessment", ADULTS, 110),
    ("review", "Care and support review", ADULTS, 120),
    ("safeguarding_enquiry", "Safeguarding enquiry (section 42)", ADULTS, 130),
    ("mental_capacity", "Mental capacity or best interests work", ADULTS, 140),
    ("deprivation_of_liberty", "Deprivation of liberty (DoLS or LPS)", ADULTS, 150),
    ("carers_assessment", "Carer's assessment", ADULTS, 160),
    ("hospital_discharge", "Hospital discharge", ADULTS, 170),
]

# (code, name, order)
COMPLEXITY_LEVELS = [
    (STANDARD, "Standard", 10),
    (COMPLEX, "Complex", 20),
    (HIGHLY_COMPLEX, "Highly complex", 30),
]
