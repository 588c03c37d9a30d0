# coding: utf-8
y = "a\tä¸A"
