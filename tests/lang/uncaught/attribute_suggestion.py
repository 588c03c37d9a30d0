class Account:
    balance = 10
a = Account()
print(a.balance)
print(a.balanse)
