class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __add__(self, o): return "Sub.add"
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base(), 1 + Base())
class Cmp:
    def __eq__(self, o): return "Cmp.eq"
    def __lt__(self, o): return "Cmp.lt"
    def __gt__(self, o): return "Cmp.gt"
print(1 == Cmp(), Cmp() == 1, 1 < Cmp(), 1 > Cmp())
