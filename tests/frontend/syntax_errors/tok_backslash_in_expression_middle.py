if a \b:
    pass
