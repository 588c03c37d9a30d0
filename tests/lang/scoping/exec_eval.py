print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[y for y in range(3)]"))
ns = {}
exec("a = 5\ndef f(): return a * 2\nb = f()", ns)
print(ns["a"], ns["b"], sorted(k for k in ns if not k.startswith("__")))
code = compile("z = 10", "<cfg>", "exec")
g = {}
exec(code, g); print(g["z"], type(code).__name__)
print(eval(compile("3 ** 2", "<e>", "eval")))
def f():
    loc = 1
    return sorted(locals().items())
print(f(), "f" in globals(), type(globals()).__name__)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("x = (")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
l = {}
exec("q = 3", {}, l); print(l)
print(eval("__name__"), eval("len('abc')", {}))
