tests = [lambda: "a" + 1, lambda: "a" * "b", lambda: "abc"[5], lambda: "abc".index("z"), lambda: int("abc"),
         lambda: "x".join([1, 2]), lambda: "%d" % "x", lambda: "{".format(), lambda: chr(-1), lambda: ord("ab"),
         lambda: "abc"["x"], lambda: 1 in "abc"]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
