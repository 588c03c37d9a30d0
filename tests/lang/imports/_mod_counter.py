loads = 1
print("_mod_counter loaded")
