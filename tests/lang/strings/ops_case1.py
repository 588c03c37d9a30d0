s = 'Mixed Case STRING'
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.split(), s.split(","), len(s))
print(s.strip(), s[::-1], s[1:-1], s.find("e"), s.count("a"), s.replace(" ", "_"), s.center(40, "."), s.isalpha())
print(sorted(set(s)) == sorted(set(s)), "".join(sorted(s)), s.encode("utf-8"), s.startswith(s[:2]), s.endswith(s[-2:]))
