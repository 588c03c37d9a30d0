# Conversions of objects without numeric slots must raise, not recurse.
for expr in ["int([])", "float({})", "int(object())", "float(None)", "complex([])", "int(b'12')", "int(bytearray(b'7'))"]:
    try:
        print(expr, "->", eval(expr))
    except (TypeError, ValueError) as e:
        print(expr, "->", type(e).__name__, e)
class F:
    def __index__(self): return 3
print(float(F()), int(F()))
