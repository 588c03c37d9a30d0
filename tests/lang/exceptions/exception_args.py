for e in [Exception(), Exception("a"), Exception("a", 1), ValueError([1, 2]), KeyError("k", "v"), OSError("plain")]:
    print(type(e).__name__, e.args, str(e), repr(e))
e = Exception("x")
e.args = ("y", "z")
print(e, e.args)
print(BaseException.__subclasses__ is not None, Exception.__mro__[1].__name__)
