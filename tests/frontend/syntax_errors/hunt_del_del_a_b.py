del (a, b()) 
