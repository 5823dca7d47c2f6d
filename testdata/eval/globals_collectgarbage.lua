-- collectgarbage does not run the host's collector but answers count.
return type(collectgarbage("count")), collectgarbage()
