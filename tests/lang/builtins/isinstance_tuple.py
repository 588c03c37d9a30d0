print(isinstance(1, (str, (int, float))), isinstance("s", (int,)), issubclass(bool, (int, str)), isinstance(None, type(None)))
class Meta(type):
    def __instancecheck__(cls, inst): return inst == 42
class Any(metaclass=Meta): pass
print(isinstance(42, Any), isinstance(41, Any))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
