package rules

import "github.com/buflsp/buflsp/analysis/syntax"

// concatAdvice is what to do instead of growing a string with '..' in a
// loop, in words that fit the target: string.buffer exists only on LuaJIT
// (and the buflsp runtime); PUC Lua collects the pieces in a table; Luau
// does too, or writes them into a fixed-size buffer when the size is known.
func concatAdvice(t syntax.Target) string {
	switch {
	case t.HasStringBuffer():
		return "put the pieces into a string.buffer and call tostring once"
	case t.HasLuauBuffer():
		return "collect the pieces in a table and call table.concat once (or, when the total size is known, " +
			"write them into a buffer with buffer.writestring and call buffer.tostring once)"
	}
	return "collect the pieces in a table and call table.concat once"
}
