def people_development_demo_load(*, rng, authority, today):
    pass
