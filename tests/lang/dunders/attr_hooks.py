class Dyn:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"): return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa", None), hasattr(d, "nope"))
class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)
    def __getattribute__(self, name):
        if name == "secret": return "intercepted"
        return super().__getattribute__(name)
l = Logged(); l.a = 1; print(l.a, l.secret); del l.a; print(hasattr(l, "a"))
