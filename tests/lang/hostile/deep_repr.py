x = []
for _ in range(3000):
    x = [x]
try:
    s = repr(x)
    print("repr ok", len(s))
except RecursionError:
    print("RecursionError")
