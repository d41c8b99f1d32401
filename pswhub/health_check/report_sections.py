class HealthCheckSection:
    key = "health_check"
    title = "Social Work Health Check"
    order = 70

    def build(self, period, services):
        raise NotImplementedError
