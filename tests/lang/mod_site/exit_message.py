# exit('message') prints the message to stderr and exits with status 1.
print('start')
exit('goodbye from exit')
