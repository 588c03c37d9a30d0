x = f'\N{NO SUCH NAME}'
