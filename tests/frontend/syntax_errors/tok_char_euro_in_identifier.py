ab€ = 1
