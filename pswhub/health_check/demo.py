def load_health_check_demo(**kwargs):
    pass
