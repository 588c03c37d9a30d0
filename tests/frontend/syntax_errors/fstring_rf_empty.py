x = rf'{}'
