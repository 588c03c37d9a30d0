# At exit, garbage cycles are collected first, then module globals are
# cleared (names with one leading underscore first), running finalizers.
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

public = A("public")
_private = A("private")
c = A("cycle")
c.me = c
del c
holder = [A("in list")]
print("end of program")
