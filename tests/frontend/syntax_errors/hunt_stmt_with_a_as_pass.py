with a as : pass
