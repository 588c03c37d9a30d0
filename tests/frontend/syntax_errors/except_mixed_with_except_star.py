try:
    pass
except TypeError:
    pass
except* ValueError:
    pass
