"""Census returns as DfE would receive them, written out by hand for tests."""

from pswhub.workforce.csww import layout_for_year

LA_2022 = {"NumberOfVacancies": "3.50", "NoAgencyFTE": "1.00", "NoAgencyHeadcount": "1"}
LA_2025 = {
    **LA_2022,
    **{name: "0" for name in ("RecruitmentBonus", "RetentionBonus", "PerformanceAward", "CarAllowance")},
    **{name: "1" for name in ("RelocationPackage", "RegionalWeighting", "CostSWE", "CostDBS")},
    "OtherAllowances": "None",
}


def worker(swe="SW123456", year=2023, **elements):
    """A worker in post at 30 September, with the elements of that year's layout in order."""
    sex = {"GenderCurrent": "2"} if year <= 2023 else {"Sex": "F"}
    qual = {"QualInst": "Northshire University"} if year <= 2024 else {}
    values = {
        "AgencyWorker": "0",
        "SWENo": swe,
        "FTE": "1.000000",
        "PersonBirthDate": "1988-04-02",
        **sex,
        "Ethnicity": "WBRI",
        **qual,
        "QualLevel": "1",
        "StepUpGrad": "0",
        "OrgRole": "5",
        "RoleStartDate": "2019-09-02",
        "StartOrigin": "1",
        "FTE30": "1.000000",
        "Cases30": "17",
        "WorkingDaysLost": "4.00",
        "ContractWeeks": "52.0",
        "FrontlineGrad": "0",
        "Absat30Sept": "0",
    }
    for name, value in elements.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    order = [item.element for item in layout_for_year(year).worker_items]
    return dict(sorted(values.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))


def census_return(year=2023, workers=None, la=None, lea="873", header=True):
    workers = workers if workers is not None else [worker(year=year)]
    la = la if la is not None else (LA_2025 if year >= 2025 else LA_2022)
    la_element = "LALevel" if year >= 2025 else "LALevelVacancies"
    parts = ["<?xml version='1.0' encoding='UTF-8'?>", "<Message>"]
    if header:
        parts.append(
            f"<Header><CollectionDetails><Collection>CSWW</Collection><Year>{year}</Year>"
            f"<ReferenceDate>{year}-09-30</ReferenceDate></CollectionDetails>"
            f"<Source><SourceLevel>L</SourceLevel><LEA>{lea}</LEA><SoftwareCode>HR system</SoftwareCode>"
            f"<DateTime>{year}-10-20T10:00:00</DateTime></Source></Header>"
        )
    parts.append(f"<{la_element}>" + "".join(f"<{k}>{v}</{k}>" for k, v in la.items()) + f"</{la_element}>")
    for values in workers:
        parts.append("<CSWWWorker>" + "".join(f"<{k}>{v}</{k}>" for k, v in values.items()) + "</CSWWWorker>")
    parts.append("</Message>")
    return "\n".join(parts).encode()
