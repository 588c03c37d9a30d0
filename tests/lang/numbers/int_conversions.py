print(int(3.99), int(-3.99), int("  -12 "), int("ff", 16), int("z", 36), int(True), int(2.5e10))
for s in ["12a", "", " ", "1__0", "0x", "١٢٣"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(float("1.5"), float(" -2e3 "), float("inf"), float("-nan"), float(7), float("1_0.5"))
for s in ["abc", "1.2.3", ""]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
print(bin(10), oct(-8), hex(255), hex(-2**70))
print((5).to_bytes if False else "skip", (3.75).as_integer_ratio(), (10).as_integer_ratio(), (0.5).is_integer())
