x = "ab\nÿ"
