def people_development_attention_items(user):
    return []
