-- Binary literals and digit separators.
print(0xa, 0x3) --> 10	3
print(1000000, 0xffff) --> 1000000	65535
print(math.floor((7) / (2)), math.floor((-7) / (2)), math.floor((7.5) / (2))) --> 3	-4	3
