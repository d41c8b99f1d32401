def workload_demo_load(*, rng, authority, today):
    pass
