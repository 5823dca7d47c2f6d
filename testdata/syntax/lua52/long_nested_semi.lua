local a = [[ [[ ]]
;;
print(a);
