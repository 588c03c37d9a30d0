# Field widths no string could hold raise MemoryError (never a crash).
for expr in ["'%*d' % (2**40, 1)", "'{:999999999999}'.format(1)", "'%.*f' % (2**40, 1.0)",
             "f'{1:>99999999999}'", "'x'.center(2**40)", "'x'.zfill(2**40)", "'x'.ljust(2**35)"]:
    try:
        print(expr, len(eval(expr)))
    except MemoryError:
        print(expr, "MemoryError")
print(format(1.5, ".50f"), "{:.3}".format("abcdef"), "ab".center(7, "*"))
