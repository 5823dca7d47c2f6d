package rules

import "github.com/buflsp/buflsp/analysis/syntax"

// concatAdvice is what to do instead of growing a string with '..' in a
// loop, in words that fit the target: string.buffer exists only on LuaJIT
// (and the buflsp runtime); PUC Lua and Luau collect the pieces in a table.
func concatAdvice(t syntax.Target) string {
	if t.HasStringBuffer() {
		return "put the pieces into a string.buffer and call tostring once"
	}
	return "collect the pieces in a table and call table.concat once"
}
