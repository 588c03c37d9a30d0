s = """first
  second
third"""
print(s.splitlines(), len(s), repr(s))
r = r"raw\n\t"
print(r, len(r), r"\d+".replace("\\", "/"))
t = ("implicit " "concatenation " 'works')
print(t)
print("a" "b" * 2, "x\
y")
