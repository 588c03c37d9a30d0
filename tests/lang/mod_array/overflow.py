# array: integer range checks and their OverflowError / TypeError texts.
from array import array

values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 65535, 65536,
          2**31, -2**31 - 1, 2**32, 2**63, -2**63 - 1, 2**64, 10**30, -10**30, "x", 1.5, None]
for tc in "bBhHiIlLqQ":
    row = []
    for v in values:
        try:
            row.append(str(array(tc, [v])[0]))
        except (OverflowError, TypeError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(tc, row)
for tc in "fdu":
    for v in [1, 2.5, "s", None, True, 10**30]:
        try:
            print(tc, repr(v), array(tc, [v])[0])
        except (TypeError, OverflowError) as e:
            print(tc, repr(v), type(e).__name__, e)


class Idx:
    def __index__(self):
        return 42


print(array("i", [Idx()]), array("d", [Idx()]))
a = array("B", [1])
try:
    a[0] = 256
except OverflowError as e:
    print(type(e).__name__, e, a)
try:
    a.append(-1)
except OverflowError as e:
    print(type(e).__name__, e, a)
