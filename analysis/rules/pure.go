package rules

import "github.com/buflsp/buflsp/analysis/syntax"

// This file decides when a quick fix may move when a value is read. A fix
// that passes a buffer instead of a string made from it (buffer-tostring,
// buffer-concat) reads the buffer when the callee runs, after every
// argument was evaluated, where the original read it in place: if a later
// argument changes the buffer, the output changes. io.write(b:tostring(),
// b:get(1)) printed "abca", and "bca" once fixed. Such fixes are offered
// only when the later arguments provably run no code.

// runsNoCode reports whether evaluating e provably runs no code of the
// program: a literal, a local or global name, a function expression (not
// called), '...', or one of those in parentheses. Field reads and operators
// are left out: a metamethod can run any code.
func runsNoCode(e syntax.Expr) bool {
	switch e := unparen(e).(type) {
	case *syntax.String, *syntax.Number, *syntax.Nil, *syntax.True, *syntax.False,
		*syntax.Name, *syntax.Function, *syntax.Vararg:
		return true
	case *syntax.Interp:
		return len(e.Exprs) == 0
	}
	return false
}

// laterArgsRunNoCode reports whether every argument of call after the i-th
// runs no code (runsNoCode).
func laterArgsRunNoCode(call *syntax.Call, i int) bool {
	for _, a := range call.Args[i+1:] {
		if !runsNoCode(a) {
			return false
		}
	}
	return true
}

// namePath reports whether e is a name or a chain of field reads on one
// (a, a.b.c): an expression a fix may write twice without running a call
// twice.
func namePath(e syntax.Expr) bool {
	for {
		switch x := unparen(e).(type) {
		case *syntax.Name:
			return true
		case *syntax.Member:
			if x.Colon {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
}
