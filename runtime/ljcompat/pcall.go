package ljcompat

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// gopher-lua's pcall runs its function in a nested VM loop, so a
// coroutine.yield inside it cannot suspend the coroutine: the VM follows a
// nil frame and the process dies with a Go nil pointer dereference. LuaJIT
// yields across pcall freely. Inside a coroutine, pcall and xpcall below run
// the protected function in a coroutine of its own instead and pass each of
// its yields on to the outer resumer, which gives LuaJIT's results without
// a nested VM loop. On the main thread, where yielding is an error anyway,
// they are gopher-lua's pcall and xpcall unchanged.
const yieldablePcall = `
local native_pcall, native_xpcall, native_create, native_wrap, resume, status, yield, running, type, isgo, strip, select, nest = ...
local function id(...) return ... end
-- gopher-lua cannot resume a coroutine whose first frame became a Go
-- function that yielded (coroutine.yield as the body, or a Lua body that
-- tail-calls it); a Lua frame below it (not a tail call) keeps the VM sound.
local function body(f)
  if type(f) ~= "function" then return f end
  return function(...) nest(0) return id(f(...)) end
end
local function create(f) return native_create(body(f)) end
local function wrap(f)
  local w = native_wrap(body(f))
  return function(...) nest(1) return w(...) end
end
local function pass(co, ok, ...)
  if status(co) == "dead" then return strip(ok, ...) end
  return pass(co, resume(co, yield(...)))
end
local function xpass(co, handler, ok, ...)
  if status(co) == "dead" then
    if ok then return true, ... end
    return false, (handler((select(2, strip(false, ...)))))
  end
  return xpass(co, handler, resume(co, yield(...)))
end
local function pcall(f, ...)
  if f == yield and running() ~= nil then return true, yield(...) end
  if running() == nil or type(f) ~= "function" or isgo(f) then return native_pcall(f, ...) end
  local co = create(f)
  return pass(co, resume(co, ...))
end
local function xpcall(f, handler)
  if running() == nil or type(f) ~= "function" or isgo(f) then return native_xpcall(f, handler) end
  local co = create(f)
  return xpass(co, handler, resume(co))
end
local function lresume(co, ...)
  if type(co) == "thread" and status(co) == "dead" then return false, "cannot resume dead coroutine" end
  nest(1)
  return resume(co, ...)
end
return pcall, xpcall, create, wrap, lresume
`

// InstallYieldablePcall replaces the global pcall and xpcall with versions
// that a coroutine can yield through, and coroutine.create, wrap and resume
// with versions that accept a Go function as the body and word a dead
// coroutine as LuaJIT does. The base and coroutine libraries must be open.
func InstallYieldablePcall(L *lua.LState) {
	co, ok := L.GetGlobal("coroutine").(*lua.LTable)
	if !ok {
		return
	}
	fn, err := L.Load(strings.NewReader(yieldablePcall), pcallChunk)
	if err != nil {
		panic("ljcompat: yieldable pcall does not compile: " + err.Error())
	}
	prot := newProtector(L)
	isGo := L.NewFunction(func(L *lua.LState) int {
		f, ok := L.Get(1).(*lua.LFunction)
		L.Push(lua.LBool(ok && f.IsG))
		return 1
	})
	args := []lua.LValue{
		L.NewFunction(prot.protectedCall), L.NewFunction(prot.protectedCallWith),
		co.RawGetString("create"), co.RawGetString("wrap"), co.RawGetString("resume"),
		co.RawGetString("status"), co.RawGetString("yield"), co.RawGetString("running"),
		L.GetGlobal("type"), isGo, L.NewFunction(stripPcallPosition), L.GetGlobal("select"),
		L.NewFunction(checkNesting),
	}
	L.Push(fn)
	for _, v := range args {
		L.Push(v)
	}
	L.Call(len(args), 5)
	L.SetGlobal("pcall", L.Get(-5))
	L.SetGlobal("xpcall", L.Get(-4))
	co.RawSetString("create", L.Get(-3))
	co.RawSetString("wrap", L.Get(-2))
	co.RawSetString("resume", L.Get(-1))
	L.Pop(5)
}

// MaxThreadNesting is how many coroutines may run inside one another
// (Luau's LUAI_MAXCCALLS). gopher-lua runs a resumed coroutine in a nested
// call of its VM loop on the Go stack, each with a call stack of its own, so
// nesting without end would overflow the Go stack, which ends the process
// with a goroutine dump (LuaJIT itself crashes with a segmentation fault).
const MaxThreadNesting = 200

// checkNesting is nest(extra) in the chunk above: it raises "C stack
// overflow" when the running coroutine, plus extra for one about to be
// resumed, is nested deeper than MaxThreadNesting. The error is placed at
// the script's line, not at the chunk above.
func checkNesting(L *lua.LState) int {
	depth := int(L.OptNumber(1, 0))
	for t := L; t != nil; t = t.Parent {
		if depth++; depth > MaxThreadNesting {
			L.Error(lua.LString(scriptSite(L)+"C stack overflow"), 0)
		}
	}
	return 0
}

// scriptSite is "source:line: " of the innermost Lua function outside the
// chunk above, or "".
func scriptSite(L *lua.LState) string {
	for level := 1; level < 8; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sl", dbg, nil); err != nil || dbg.CurrentLine <= 0 || dbg.Source == pcallChunk {
			continue
		}
		return fmt.Sprintf("%s:%d: ", dbg.Source, dbg.CurrentLine)
	}
	return ""
}

// protectedCall is pcall for the main thread and Go functions: gopher-lua's
// pcall, with the error position of the wrapper removed. The wrapper calls
// it in a tail call, so nothing of the wrapper runs after it returns.
func (p *protector) protectedCall(L *lua.LState) int {
	if L.GetTop() < 1 {
		ArgError(L, 1, "value expected")
	}
	if !callable(L, L.Get(1)) {
		return notCallable(L)
	}
	return finishPcall(L, p.call(L, L.GetTop()-1, nil))
}

// protectedCallWith is xpcall(f, handler) for the main thread and Go
// functions.
func (p *protector) protectedCallWith(L *lua.LState) int {
	handler, _ := L.Get(2).(*lua.LFunction)
	L.SetTop(1)
	if !callable(L, L.Get(1)) {
		return notCallable(L)
	}
	return finishPcall(L, p.call(L, 0, handler))
}

func callable(L *lua.LState, v lua.LValue) bool {
	return v.Type() == lua.LTFunction || L.GetMetaField(v, "__call").Type() == lua.LTFunction
}

// notCallable is pcall's result for a value that cannot be called, worded
// as LuaJIT's VM words it.
func notCallable(L *lua.LState) int {
	what := L.Get(1).Type().String()
	L.SetTop(0)
	L.Push(lua.LFalse)
	L.Push(lua.LString("attempt to call a " + what + " value"))
	return 2
}

func finishPcall(L *lua.LState, err error) int {
	if err == nil {
		L.Insert(lua.LTrue, 1)
		return L.GetTop()
	}
	L.SetTop(0)
	L.Push(lua.LFalse)
	if api, ok := err.(*lua.ApiError); ok {
		L.Push(api.Object)
	} else {
		L.Push(lua.LString(err.Error()))
	}
	return stripPcallPosition(L)
}

// pcallChunk names the chunk above in positions.
const pcallChunk = "[pcall]"

// stripPcallPosition passes pcall's results on, removing the position of
// the chunk above from an error message: a Go function called by pcall
// raises its error at its caller, which LuaJIT reports without a position
// (pcall is C there) and gopher-lua would report as the chunk above.
func stripPcallPosition(L *lua.LState) int {
	if L.Get(1) == lua.LFalse {
		if msg, ok := L.Get(2).(lua.LString); ok {
			L.Replace(2, lua.LString(stripChunkPosition(string(msg), pcallChunk)))
		}
	}
	return L.GetTop()
}

// stripChunkPosition removes a leading "chunk:LINE: " from msg.
func stripChunkPosition(msg, chunk string) string {
	rest, ok := strings.CutPrefix(msg, chunk+":")
	if !ok {
		return msg
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if after, ok := strings.CutPrefix(rest[i:], ": "); ok && i > 0 {
		return after
	}
	return msg
}
