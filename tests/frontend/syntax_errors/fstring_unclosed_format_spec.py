x = f'{x:{y}'
