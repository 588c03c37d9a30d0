class I:
    def __index__(self): return 3
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return "rounded"
    def __trunc__(self): return 9
print([0, 1, 2, 3, 4][I()], "abcdef"[I()], bin(I()), hex(I()), int(I()), float(I()), round(I()), range(I()))
print(operator_like := [10, 20, 30, 40][I():])
