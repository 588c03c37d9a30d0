f('''abc)
