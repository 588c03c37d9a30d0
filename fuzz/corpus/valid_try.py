try:
    f()
except (A, B) as e:
    raise C from e
else:
    pass
finally:
    g()
