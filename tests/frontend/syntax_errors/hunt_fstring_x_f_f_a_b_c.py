x = f'{f"{a b}" c}'
