fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
gs = [lambda x: x + i for i in range(3)]
print([g(10) for g in gs])
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5), (lambda *a, **k: (a, k))(1, x=2), (lambda: None)())
print(sorted(["bb", "a", "ccc"], key=lambda s: (len(s), s)))
