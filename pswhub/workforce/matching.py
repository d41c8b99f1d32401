"""One person across sources (docs/workforce.md, "One person across sources").

A past census return names its workers by SWE number only, so a person first met in a return is
given a staff record named after it: employee number `SWE-` and the SWE number, first name
"Social worker". When an HR extract later gives the same SWE number with a real employee number,
the HR import adopts that record (its employee number, names and all) instead of making a second
person, and the census lines go on pointing at the same record."""

CENSUS_EMPLOYEE_PREFIX = "SWE-"
CENSUS_FIRST_NAME = "Social worker"


def census_employee_number(swe_number):
    """The employee number a census return's record for this SWE number is made with."""
    return CENSUS_EMPLOYEE_PREFIX + swe_number


def is_census_record(employee_number, swe_number):
    """Whether a record is one a census return made for this SWE number and no HR extract has
    adopted yet."""
    return employee_number == census_employee_number(swe_number)
