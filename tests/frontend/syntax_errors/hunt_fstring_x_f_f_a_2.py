x = f'{f"{a"}'
