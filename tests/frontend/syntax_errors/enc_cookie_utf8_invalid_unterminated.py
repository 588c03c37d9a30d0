# coding: utf-8
1 +
x = "ÿ
