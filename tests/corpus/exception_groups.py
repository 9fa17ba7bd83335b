try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
except* ValueError as group:
    print(group.exceptions)
except *TypeError:
    pass
