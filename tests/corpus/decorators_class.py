import functools

class Cache(dict):
    """A cache; ¿ and ∀ in a docstring stay."""

    @functools.wraps(print)
    def __call__(self, *a):
        if a not in self:
            self[a] = sum(a)
        return self[a]

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def size(obj) -> int:
        return len(obj) if type(obj) is not int else obj
