type Vector = list[float]
type Pair[T] = tuple[T, T]
print(type(Vector))
