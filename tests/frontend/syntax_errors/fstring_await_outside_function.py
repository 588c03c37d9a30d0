x = f'{await x}'
