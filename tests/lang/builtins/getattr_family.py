class O: pass
o = O()
setattr(o, "x", 1); print(getattr(o, "x"), hasattr(o, "x"), getattr(o, "y", "dflt"))
delattr(o, "x"); print(hasattr(o, "x"))
try:
    getattr(o, "y")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
print(vars(o), type(o).__dict__["__module__"])
