x = f'{"\n".join(x)}'
