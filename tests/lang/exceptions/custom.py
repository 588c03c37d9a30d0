class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
class NotFound(AppError):
    def __str__(self): return f"not found: {self.args[1]}"
try:
    raise NotFound(404, "page")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, repr(e), isinstance(e, Exception))
print(repr(ValueError()), repr(ValueError("a", 2)), str(KeyError("k")), str(KeyError()), str(ValueError("x", "y")))
e = OSError(2, "No such file", "f.txt")
print(e, e.errno, e.strerror, e.filename)
print(repr(StopIteration(5)), StopIteration(5).value, SystemExit(3).code, ImportError("m", name="x").name)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(Exception, BaseException))
print([c.__name__ for c in TabError.__mro__])
