"""The DfE Children's Social Work Workforce (CSWW) census code lists, with the codes exactly as
the census uses them. Records store the code; pages show the label. The codes are the census's
own and never change meaning, so they are Python constants rather than database rows."""

YES_NO = [("0", "No"), ("1", "Yes")]

# GenderCurrent, collection years up to 2023.
GENDER_CURRENT = [("0", "Not known"), ("1", "Male"), ("2", "Female"), ("9", "Not specified")]

# Sex, from the 2024 collection.
SEX = [("M", "Male"), ("F", "Female")]

# GenderCurrent to Sex where the meaning carries over; 0 and 9 have no Sex equivalent.
SEX_FROM_GENDER = {"1": "M", "2": "F"}
GENDER_FROM_SEX = {"M": "1", "F": "2"}

ETHNICITY = [
    ("WBRI", "White British"),
    ("WIRI", "White Irish"),
    ("WOTH", "Any other White background"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other Mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Black Caribbean"),
    ("BAFR", "Black African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Declared not stated or refused"),
    ("NOBT", "Information not yet obtained"),
]

QUAL_LEVEL = [("1", "Undergraduate"), ("2", "Postgraduate"), ("3", "Other")]

SENIOR_MANAGER, MIDDLE_MANAGER, FIRST_LINE_MANAGER, SENIOR_PRACTITIONER, CASE_HOLDER, QUALIFIED_WITHOUT_CASES = (
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
)
ORG_ROLE = [
    (SENIOR_MANAGER, "Senior manager"),
    (MIDDLE_MANAGER, "Middle manager"),
    (FIRST_LINE_MANAGER, "First line manager"),
    (SENIOR_PRACTITIONER, "Senior practitioner"),
    (CASE_HOLDER, "Case holder"),
    (QUALIFIED_WITHOUT_CASES, "Qualified without cases"),
]
MANAGER_ROLES = {SENIOR_MANAGER, MIDDLE_MANAGER, FIRST_LINE_MANAGER}

NEWLY_QUALIFIED = "1"
START_ORIGIN = [
    (NEWLY_QUALIFIED, "Newly qualified social worker"),
    ("2", "Social worker role in a different local authority in England"),
    ("3", "Social worker role outside England"),
    ("4", "Agency or consultancy in social work (in England)"),
    ("5", "Other social work role, not a local authority (in England)"),
    ("6", "Other social care role in a local authority or elsewhere (in England)"),
    ("7", "Non-social care role, any role outside England, no employment or career break"),
    ("8", "Other"),
    ("9", "Not known"),
    ("10", "Not yet collected"),
]

LEAVER_DESTINATION = [
    ("1", "Social worker role in a different local authority in England"),
    ("2", "Social worker role outside England"),
    ("3", "Agency or consultancy in social work (in England)"),
    ("4", "Other social work role, not a local authority (in England)"),
    ("5", "Other social care role in a local authority or elsewhere (in England)"),
    ("6", "Non-social care role, any role outside England, no employment or career break"),
    ("7", "Other"),
    ("8", "Not known"),
    ("9", "Not yet collected"),
]

REASON_LEAVE = [
    ("1", "Resignation"),
    ("2", "Voluntary redundancy"),
    ("3", "Compulsory redundancy"),
    ("4", "Dismissed"),
    ("5", "Retired"),
    ("6", "Deceased"),
    ("7", "Moved to a non-child and family social work role within the local authority"),
    ("8", "Other"),
    ("9", "Not known"),
    ("10", "Not yet collected"),
]

REASON_ABSENCE = [
    ("MAT", "Maternity or paternity leave"),
    ("OTH", "Other paid authorised absence"),
    ("PUB", "Paid absence for public duties"),
    ("SIC", "Sick leave"),
    ("TRN", "Training"),
    ("UNA", "Unauthorised absence"),
    ("UNP", "Unpaid authorised absence"),
]

CFKSS_STATUS = [
    ("1", "Assessed and Supported Year in Employment (ASYE)"),
    ("2", "Frontline practitioner"),
    ("3", "Practice supervisor"),
    ("4", "Practice leader"),
]

# Pay and allowance eligibility, from the 2025 collection.
NO_ALL_SOME = [
    ("0", "No"),
    ("1", "Yes, all LA-employed social workers are eligible"),
    ("2", "Yes, some LA-employed social workers are eligible"),
]

# The LA-level pay and allowance questions of the 2025 layout: (element, model field, label).
LA_PAY_ITEMS = [
    ("RecruitmentBonus", "recruitment_bonus", "Recruitment bonus"),
    ("RetentionBonus", "retention_bonus", "Retention bonus"),
    ("PerformanceAward", "performance_award", "Performance award"),
    ("CarAllowance", "car_allowance", "Car allowance"),
    ("RelocationPackage", "relocation_package", "Relocation package"),
    ("RegionalWeighting", "regional_weighting", "Regional weighting"),
    ("CostSWE", "cost_swe", "Social Work England fee paid"),
    ("CostDBS", "cost_dbs", "DBS check paid"),
]


def label(choices, code):
    return dict(choices).get(code, code)


# Contract types an HR extract gives (docs/workforce.md, "HR extracts"). Agency workers are not
# employed by the council but appear in many HR systems' extracts; bank staff are on call.
AGENCY = "agency"
CONTRACT_TYPE = [
    ("permanent", "Permanent"),
    ("fixed_term", "Fixed term"),
    ("agency", "Agency"),
    ("bank", "Bank"),
]

# Routes into social work (not a census code list; the census asks only whether someone is a
# Step Up or Frontline graduate).
QUALIFICATION_ROUTE = [
    ("degree", "Degree (undergraduate or postgraduate)"),
    ("step_up", "Step Up to Social Work"),
    ("frontline", "Frontline"),
    ("apprenticeship", "Degree apprenticeship"),
    ("other", "Other"),
]
