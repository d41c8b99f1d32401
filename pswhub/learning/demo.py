def load_learning_demo(*, rng, authority, today):
    pass
