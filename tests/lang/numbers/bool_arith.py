print(True + True, True * 3, False - 1, True / 2, True // 1, -True, ~True, True & False, True | False, True ^ True)
print(type(True & True).__name__, type(True + 1).__name__, bool(0), bool(0.0), bool(""), bool([]), bool([0]), bool(None))
print(isinstance(True, int), issubclass(bool, int), True == 1, str(True), repr(False), int(False))
