x = f'{a;b}'
