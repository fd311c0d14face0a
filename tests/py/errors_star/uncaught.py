# An uncaught group re-raised by except* (the traceback printer draws it; status 1).
def work():
    try:
        raise ExceptionGroup("batch", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print("handled ValueError")
    except* TypeError:
        raise RuntimeError("could not recover")


work()
