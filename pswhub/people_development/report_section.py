class PeopleDevelopmentSection:
    key = "people_development"
    title = "Routes into social work, early careers and progression"
    order = 50

    def build(self, period, services):
        raise NotImplementedError
