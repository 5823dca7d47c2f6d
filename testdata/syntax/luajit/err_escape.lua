local s = "ok \q"
