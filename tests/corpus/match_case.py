match command.split():
    case [action]:
        print(action)
    case ["go", direction] if direction in ("north", "south"):
        print(direction)
    case Point(x=0, y=y) | Point(x=y, y=0):
        print(y)
    case {"kind": kind, **rest}:
        print(kind, rest)
    case True | False | None:
        pass
    case str() as text:
        print(text)
    case _:
        raise ValueError(command)
