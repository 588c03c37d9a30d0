f = lambda *, **k: 1
