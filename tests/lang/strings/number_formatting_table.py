rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
print(f"{'name':<10}|{'price':>8}|{'qty':^5}|{'total':>9}")
for name, price, qty in rows:
    print(f"{name:<10}|{price:>8.2f}|{qty:^5d}|{price * qty:>9,.2f}")
print("%-10s|%8.2f|%5d" % rows[0], "{:>+8.3e}".format(-12345.678), format(1234567.891, ",.1f"), format(0.000123, ".2%"))
