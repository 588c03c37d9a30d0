x = f'{a!r:}}'
