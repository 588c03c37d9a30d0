def f():
 try:
  pass
 except* E:
  try:
   return x
  finally:
   pass
