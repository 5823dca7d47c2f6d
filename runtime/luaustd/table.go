package luaustd

import (
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// tableFuncs are Luau's additions to table, and the functions whose Luau
// behaviour differs from gopher-lua's.
func (s *state) tableFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"create":   tableCreate,
		"find":     tableFind,
		"clear":    tableClear,
		"freeze":   s.freeze,
		"isfrozen": s.isFrozen,
		"clone":    tableClone,
		"move":     tableMove,
		"pack":     tablePack,
		"unpack":   tableUnpack,
		"maxn":     tableMaxn,
		"concat":   tableConcat,
	}
}

func checkTable(L *lua.LState, n int, fn string) *lua.LTable {
	t, ok := L.Get(n).(*lua.LTable)
	if !ok {
		luau.TypeError(L, n, fn, "table")
	}
	return t
}

func checkInt(L *lua.LState, n int, fn string) int {
	return int(luau.CheckNumber(L, n, fn))
}

func optInt(L *lua.LState, n int, fn string, def int) int {
	if L.Get(n) == lua.LNil {
		return def
	}
	return checkInt(L, n, fn)
}

// tableCreate is table.create(n [, value]): an array of n copies of value.
func tableCreate(L *lua.LState) int {
	n := checkInt(L, 1, "create")
	if n < 0 {
		luau.ArgError(L, 1, "create", "size out of range")
	}
	v := L.Get(2)
	t := L.CreateTable(n, 0)
	if v != lua.LNil {
		for i := 1; i <= n; i++ {
			t.RawSetInt(i, v)
		}
	}
	L.Push(t)
	return 1
}

// tableFind is table.find(t, value [, init]): the first index from init in
// the array part whose value equals value (raw equality), or nil.
func tableFind(L *lua.LState) int {
	t := checkTable(L, 1, "find")
	v := L.Get(2)
	if v == lua.LNil {
		luau.ArgError(L, 2, "find", "value expected")
	}
	init := optInt(L, 3, "find", 1)
	if init < 1 {
		luau.ArgError(L, 3, "find", "index out of range")
	}
	for i := init; ; i++ {
		x := t.RawGetInt(i)
		if x == lua.LNil {
			break
		}
		if x == v || rawEqualNumbers(x, v) {
			L.Push(lua.LNumber(i))
			return 1
		}
	}
	L.Push(lua.LNil)
	return 1
}

func rawEqualNumbers(a, b lua.LValue) bool {
	x, ok1 := a.(lua.LNumber)
	y, ok2 := b.(lua.LNumber)
	return ok1 && ok2 && x == y
}

// tableClear is table.clear(t): every key removed, the table kept.
func tableClear(L *lua.LState) int {
	t := checkTable(L, 1, "clear")
	var keys []lua.LValue
	t.ForEach(func(k, _ lua.LValue) { keys = append(keys, k) })
	for _, k := range keys {
		t.RawSet(k, lua.LNil)
	}
	return 0
}

func (s *state) freeze(L *lua.LState) int {
	t := checkTable(L, 1, "freeze")
	if mt, ok := t.Metatable.(*lua.LTable); ok && mt.RawGetString("__metatable") != lua.LNil {
		luau.ArgError(L, 1, "freeze", "table has a protected metatable")
	}
	s.frozen[t] = true
	L.Push(t)
	return 1
}

func (s *state) isFrozen(L *lua.LState) int {
	t := checkTable(L, 1, "isfrozen")
	L.Push(lua.LBool(s.frozen[t]))
	return 1
}

// tableClone is table.clone(t): a shallow copy with the same metatable.
func tableClone(L *lua.LState) int {
	t := checkTable(L, 1, "clone")
	if mt, ok := t.Metatable.(*lua.LTable); ok && mt.RawGetString("__metatable") != lua.LNil {
		luau.ArgError(L, 1, "clone", "table has a protected metatable")
	}
	c := L.CreateTable(t.Len(), 0)
	t.ForEach(func(k, v lua.LValue) { c.RawSet(k, v) })
	c.Metatable = t.Metatable
	L.Push(c)
	return 1
}

// tableMove is table.move(a1, f, e, t [, a2]) of Lua 5.3.
func tableMove(L *lua.LState) int {
	a1 := checkTable(L, 1, "move")
	f := checkInt(L, 2, "move")
	e := checkInt(L, 3, "move")
	t := checkInt(L, 4, "move")
	a2 := a1
	if L.Get(5) != lua.LNil {
		a2 = checkTable(L, 5, "move")
	}
	if e >= f {
		if !(f > 0 || e < int(^uint(0)>>1)+f) {
			luau.ArgError(L, 3, "move", "too many elements to move")
		}
		if t > e || t <= f || a1 != a2 {
			for i := 0; i <= e-f; i++ {
				L.SetTable(a2, lua.LNumber(t+i), L.GetTable(a1, lua.LNumber(f+i)))
			}
		} else {
			for i := e - f; i >= 0; i-- {
				L.SetTable(a2, lua.LNumber(t+i), L.GetTable(a1, lua.LNumber(f+i)))
			}
		}
	}
	L.Push(a2)
	return 1
}

func tablePack(L *lua.LState) int {
	n := L.GetTop()
	t := L.CreateTable(n, 1)
	for i := 1; i <= n; i++ {
		t.RawSetInt(i, L.Get(i))
	}
	t.RawSetString("n", lua.LNumber(n))
	L.Push(t)
	return 1
}

func tableUnpack(L *lua.LState) int {
	t := checkTable(L, 1, "unpack")
	i := optInt(L, 2, "unpack", 1)
	j := optInt(L, 3, "unpack", t.Len())
	if i > j {
		return 0
	}
	if j-i >= 8000 {
		luau.Raise(L, "too many results to unpack")
	}
	for k := i; k <= j; k++ {
		L.Push(t.RawGetInt(k))
	}
	return j - i + 1
}

func tableMaxn(L *lua.LState) int {
	t := checkTable(L, 1, "maxn")
	max := 0.0
	t.ForEach(func(k, _ lua.LValue) {
		if n, ok := k.(lua.LNumber); ok && float64(n) > max {
			max = float64(n)
		}
	})
	L.Push(lua.LNumber(max))
	return 1
}

// tableConcat is table.concat with numbers printed as Luau prints them.
func tableConcat(L *lua.LState) int {
	t := checkTable(L, 1, "concat")
	sep := ""
	if L.Get(2) != lua.LNil {
		sep = luau.CheckString(L, 2, "concat")
	}
	i := optInt(L, 3, "concat", 1)
	j := optInt(L, 4, "concat", t.Len())
	var b strings.Builder
	for k := i; k <= j; k++ {
		switch v := t.RawGetInt(k).(type) {
		case lua.LString:
			b.WriteString(string(v))
		case lua.LNumber:
			b.WriteString(luau.FormatNumber(float64(v)))
		default:
			luau.Raise(L, "invalid value (at index "+luau.FormatNumber(float64(k))+") in table for 'concat'")
		}
		if k < j {
			b.WriteString(sep)
		}
	}
	L.Push(lua.LString(b.String()))
	return 1
}
