# coding: utf-8
y = "ä¸"
