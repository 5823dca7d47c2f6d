package ljcompat

import (
	"fmt"
	"regexp"

	lua "github.com/yuin/gopher-lua"
)

// gopher-lua encodes the opcode in the top 6 bits and register A in the next
// 8 bits of an instruction (see opcode.go in gopher-lua).
func opcodeOf(inst uint32) int { return int(inst >> 26) }
func regAOf(inst uint32) int   { return int(inst>>18) & 0xff }

// CallSite describes how the running Go function was called, as far as the
// calling function's bytecode tells.
type CallSite struct {
	// Name is what LuaJIT would call the function in messages: the method
	// or field name, the variable name, or "?" when unknown.
	Name string
	// Method is true for obj:name(...) calls: argument numbers then skip
	// the implicit self.
	Method bool
	// Where is the "chunk:line:" prefix of the calling Lua function, empty
	// when the caller is Go code (pcall, metamethod dispatch, ...).
	Where string
}

// Site inspects the frame that called the running Go function.
//
// gopher-lua does not expose the caller's program counter, so the call
// instruction is found among the caller's recorded calls by line and name;
// when one line holds several calls of the same name the first is used.
func Site(L *lua.LState) CallSite {
	site := CallSite{Name: "?"}
	self, ok := L.GetStack(0)
	if !ok {
		return site
	}
	if _, err := L.GetInfo("n", self, nil); err != nil {
		return site
	}
	caller, ok := L.GetStack(1)
	if !ok {
		return site
	}
	fnv, err := L.GetInfo("Slf", caller, nil)
	fn, isFn := fnv.(*lua.LFunction)
	if err != nil || !isFn || fn.IsG || fn.Proto == nil {
		return site
	}
	site.Where = fmt.Sprintf("%s:%d:", fn.Proto.SourceName, caller.CurrentLine)
	proto := fn.Proto
	for _, call := range proto.DbgCalls {
		if call.Name != self.Name || call.Pc < 0 || call.Pc >= len(proto.Code) {
			continue
		}
		if call.Pc >= len(proto.DbgSourcePositions) || proto.DbgSourcePositions[call.Pc] != caller.CurrentLine {
			continue
		}
		inst := proto.Code[call.Pc]
		if opcodeOf(inst) == lua.OP_TAILCALL {
			// LuaJIT has no caller frame left to name a tail-called
			// function after, nor to take a location from.
			site.Where = ""
			return site
		}
		site.Name = call.Name
		site.Method = isMethodCall(proto.Code, call.Pc)
		return site
	}
	return site
}

// isMethodCall reports whether the function register of the call at pc was
// last written by an OP_SELF, i.e. the call was written obj:name(...).
func isMethodCall(code []uint32, pc int) bool {
	a := regAOf(code[pc])
	for i := pc - 1; i >= 0; i-- {
		inst := code[i]
		op := opcodeOf(inst)
		switch op {
		case lua.OP_SETGLOBAL, lua.OP_SETUPVAL, lua.OP_SETTABLE, lua.OP_SETTABLEKS, lua.OP_JMP,
			lua.OP_EQ, lua.OP_LT, lua.OP_LE, lua.OP_TEST, lua.OP_RETURN, lua.OP_SETLIST, lua.OP_CLOSE:
			continue // these do not write register A
		}
		if regAOf(inst) == a {
			return op == lua.OP_SELF
		}
	}
	return false
}

// ArgError raises LuaJIT's "bad argument" error for the argument at stack
// position n of the running Go function.
func ArgError(L *lua.LState, n int, msg string) {
	site := Site(L)
	var text string
	switch {
	case site.Method && n == 1:
		text = fmt.Sprintf("calling '%s' on bad self (%s)", site.Name, msg)
	case site.Method:
		text = fmt.Sprintf("bad argument #%d to '%s' (%s)", n-1, site.Name, msg)
	default:
		text = fmt.Sprintf("bad argument #%d to '%s' (%s)", n, site.Name, msg)
	}
	raiseAt(L, site.Where, text)
}

// TypeError raises "EXPECTED expected, got TYPE" for argument n, where TYPE
// is "no value" when the argument is absent.
func TypeError(L *lua.LState, n int, expected string) {
	ArgError(L, n, expected+" expected, got "+TypeName(L, n))
}

// TypeName is the type name LuaJIT reports for argument n.
func TypeName(L *lua.LState, n int) string {
	if n > L.GetTop() {
		return "no value"
	}
	return L.Get(n).Type().String()
}

// Raise raises msg with the location of the calling Lua function, like
// LuaJIT's errors raised from library code.
func Raise(L *lua.LState, msg string) {
	raiseAt(L, Site(L).Where, msg)
}

func raiseAt(L *lua.LState, where, msg string) {
	if where != "" {
		msg = where + " " + msg
	}
	L.Error(lua.LString(msg), 0)
}

// gopherArgError matches gopher-lua's own argument errors, which name the
// function without quotes ("bad argument #1 to select (...)") or as
// "(anonymous)".
var gopherArgError = regexp.MustCompile(`bad argument #(\d+) to ([A-Za-z_][A-Za-z0-9_.:]*|\(anonymous\)) \(`)

// QuoteArgErrors rewrites gopher-lua's argument errors in msg the way
// LuaJIT words them: "bad argument #1 to 'select' (...)", and '?' for a
// function without a name. Errors that ljcompat raised already have quotes
// and are left alone. It is applied where an uncaught error is reported.
func QuoteArgErrors(msg string) string {
	return gopherArgError.ReplaceAllStringFunc(msg, func(m string) string {
		sub := gopherArgError.FindStringSubmatch(m)
		name := sub[2]
		if name == "(anonymous)" {
			name = "?"
		}
		return "bad argument #" + sub[1] + " to '" + name + "' ("
	})
}
