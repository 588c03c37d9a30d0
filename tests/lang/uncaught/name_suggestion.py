tabel = 1
print(table)
