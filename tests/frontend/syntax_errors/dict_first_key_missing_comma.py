d = {x y: 3}
