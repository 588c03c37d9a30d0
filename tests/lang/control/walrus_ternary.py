data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 6], "big" if n > 4 else "small", (lambda: (z := 5) + z)())
i = 0
while (i := i + 1) < 4:
    print("i", i)
print(1 if [] else 2, "a" and "b", "" or "c", None or 0 or "last", not None)
