try:
    x = 1 / 0
except ZeroDivisionError:
    raise ValueError("replacement") from None
