"""Attribute stores: overwriting existing instance attributes and slots.

Exercises STORE_ATTR in its specialized shapes: stores into an existing key of
an instance dict (plain class) and stores through __slots__ descriptors, with
a few loads back to fold the values into the checksum.
"""

SCALES = {"tiny": 15000, "quick": 375000, "full": 1500000}

MASK = 0xFFFFFFFF


class State:
    def __init__(self):
        self.a = 0
        self.b = 0
        self.c = 0
        self.d = 0


class SlotState:
    __slots__ = ("x", "y", "z")

    def __init__(self):
        self.x = 0
        self.y = 0
        self.z = 0


def run(n):
    st = State()
    ss = SlotState()
    acc = 0
    for i in range(n):
        st.a = i
        st.b = i & 255
        st.c = i ^ 3
        st.d = 7
        ss.x = i + 1
        ss.y = i & 15
        ss.z = i >> 2
        acc = (acc + st.c + ss.z) & MASK
    return (acc + st.a + st.b + st.d + ss.x + ss.y) & MASK
