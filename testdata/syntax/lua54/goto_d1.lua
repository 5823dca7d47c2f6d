::a::
print(1)
::a::
print(2)
