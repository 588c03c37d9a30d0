x = 1
y = 'ok' '\x'
