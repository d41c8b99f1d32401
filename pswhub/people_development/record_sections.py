def people_development_record_sections(user, staff_member):
    return []
