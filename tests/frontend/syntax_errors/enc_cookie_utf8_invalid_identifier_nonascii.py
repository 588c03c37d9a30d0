# coding: utf-8
x = 1
if x:
    y = a√§‡Äb
