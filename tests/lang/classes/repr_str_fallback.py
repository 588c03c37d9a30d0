class OnlyRepr:
    def __repr__(self): return "OnlyRepr()"
class OnlyStr:
    def __str__(self): return "only str"
print(str(OnlyRepr()), repr(OnlyRepr()), f"{OnlyRepr()}", str(OnlyStr()), "%s" % OnlyStr())
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"), object.__repr__(OnlyRepr()).startswith("<__main__.OnlyRepr object"))
