try:
    x = [0] * (2 ** 62)
except MemoryError:
    print("MemoryError list")
try:
    s = "x" * (2 ** 62)
except MemoryError:
    print("MemoryError str")
try:
    b = bytes(2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print("still alive", len([0] * 1000))
