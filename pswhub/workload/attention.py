def workload_attention_items(user):
    return []
