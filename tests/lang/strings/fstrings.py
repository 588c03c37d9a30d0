name, n = "Ada", 3.14159
print(f"{name}", f"{name!r}", f"{n:.2f}", f"{n:10.3f}|", f"{name:>8}", f"{name=}", f"{n=:.1f}", f"{1+1}")
print(f"{'nested'} {f'{name}'} {{braces}} {[1, 2][0]} {dict(a=1)['a']}")
width = 6
print(f"{n:{width}.{2}f}|", f"{42:#x}", f"{42:b}", f"{1234567:,}")
