s = "  Hello, World!  "
print(s.strip(), s.lstrip(), s.rstrip(), s.strip(" !Hd"), s.upper(), s.lower(), s.swapcase(), s.title())
t = "hello world hello"
print(t.find("o"), t.rfind("o"), t.find("z"), t.index("world"), t.count("l"), t.count("hello"), t.count(""))
print(t.replace("hello", "bye"), t.replace("l", "L", 2), t.startswith("hell"), t.endswith("llo"), t.startswith(("x", "he")))
print(t.split(), t.split("o"), t.split("o", 1), t.rsplit("o", 1), "a,b,,c".split(","), "  a  b ".split())
print("-".join(["a", "b", "c"]), "".join(map(str, range(5))), t.partition(" "), t.rpartition(" "), t.partition("z"))
print("abc".center(9, "*"), "abc".ljust(6) + "|", "abc".rjust(6), "42".zfill(5), "-42".zfill(5), "capitalize me".capitalize())
