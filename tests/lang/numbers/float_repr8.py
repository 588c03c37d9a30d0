x = 1e23
print(x, repr(x), str(x), x * 3, x / 7, round(x, 3), int(x) if abs(x) < 1e300 else "big", f"{x:.5g}", f"{x:e}")
