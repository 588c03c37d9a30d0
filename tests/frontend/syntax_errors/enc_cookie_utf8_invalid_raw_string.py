# coding: utf-8
x = r"дя"
