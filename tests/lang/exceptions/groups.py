eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(eg, repr(eg.message), len(eg.exceptions), type(eg).__name__)
m, r = eg.split(ValueError)
print(m, [repr(x) for x in m.exceptions], r, [repr(x) for x in r.exceptions])
print(eg.subgroup(TypeError).exceptions)
try:
    raise eg
except* ValueError as g:
    print("vals", [str(x) for x in g.exceptions])
except* TypeError as g:
    print("types", [str(x) for x in g.exceptions])
try:
    try:
        raise ExceptionGroup("g", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("got key")
except ExceptionGroup as rest:
    print("rest", [type(x).__name__ for x in rest.exceptions])
try:
    raise ValueError("naked")
except* ValueError as g:
    print("wrapped", type(g).__name__, g.exceptions)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError:", e)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
