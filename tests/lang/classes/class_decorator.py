def register(cls):
    cls.registered = True
    cls.tag = cls.__name__.lower()
    return cls
def add_repr(cls):
    def __repr__(self): return f"<{cls.__name__} {vars(self)}>"
    cls.__repr__ = __repr__
    return cls
@add_repr
@register
class Item:
    def __init__(self, n): self.n = n
print(Item.registered, Item.tag, Item(3), [Item(1)])
