def f(x: int, y: "str" = "a") -> bool:
    """Docstring here."""
    return True
print(f.__name__, f.__qualname__, f.__doc__, f.__annotations__, f.__module__)
f.custom = 42
print(f.custom, f.__dict__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, outer.__code__.co_name, callable(f), callable(5))
