if x
else: pass
