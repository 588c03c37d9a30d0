for src in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, b = 5", "a, *b, c = [1]", "a, b = 'xyz'"]:
    try:
        exec(src)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
