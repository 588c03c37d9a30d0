for in y: pass
