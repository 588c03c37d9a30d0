x = f'{f"{a!x}"}'
