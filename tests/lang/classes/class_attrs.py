class A:
    count = 0
    def __init__(self):
        A.count += 1
        self.id = A.count
a1, a2 = A(), A()
print(A.count, a1.id, a2.id, a1.count)
a1.count = 100
print(A.count, a1.count, a2.count)
A.new_attr = "x"
print(a2.new_attr, "new_attr" in A.__dict__, "count" in a1.__dict__)
class B(A): pass
print(B.count, B.__dict__.get("count"), B().id)
