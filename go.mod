module github.com/buflsp/buflsp

go 1.26
