x = *a < b
