print("a", "b", sep="-", end="!\n")
print("x", end="")
print("y")
print(*range(4), sep=", ")
print()
print("multi\nline")
print(None, True, 1.0, [None])
import sys
print("to stdout", file=sys.stdout)
sys.stdout.write("written\n")
print("flushed", flush=True)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
