package buffer

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// buflsp's editing extensions on string.buffer objects. Positions count the
// unread bytes from 1 and follow string.sub: negative positions count from
// the end (-1 is the last byte), ranges are clamped to the data.

func extensionMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"slice":    bufSlice,
		"clone":    bufClone,
		"insert":   bufInsert,
		"remove":   bufRemove,
		"replace":  bufReplace,
		"fill":     bufFill,
		"find":     bufFind,
		"rfind":    bufRFind,
		"split":    bufSplit,
		"setlen":   bufSetLen,
		"capacity": bufCapacity,
	}
}

// subRange converts optional string.sub-style positions i (default 1) and j
// (default -1) at stack positions n, n+1 into a 0-based [start, end) range.
func subRange(L *lua.LState, n, length int) (int, int) {
	i := optInt(L, n, 1)
	j := optInt(L, n+1, -1)
	if i < 0 {
		i = max(length+i+1, 0)
	}
	if j < 0 {
		j = length + j + 1
	}
	i = max(i, 1)
	j = min(j, length)
	if i > j {
		return 0, 0
	}
	return i - 1, j
}

// insertPos converts a required position where new bytes go: 1 .. #buf+1,
// negative counting from the end.
func insertPos(L *lua.LState, n, length int) int {
	pos := checkInt(L, n)
	if pos < 0 {
		pos = length + pos + 1
	}
	if pos < 1 || pos > length+1 {
		ljcompat.ArgError(L, n, "position out of range")
	}
	return pos - 1
}

// dataArg reads bytes to insert or search for: a string, a number (LuaJIT
// formatting) or a buffer (copied, so a buffer may be given to itself).
func dataArg(L *lua.LState, n int) []byte {
	switch v := L.Get(n).(type) {
	case lua.LString:
		return []byte(v)
	case lua.LNumber:
		return ljcompat.AppendNumber(nil, float64(v))
	}
	if b, ok := To(L.Get(n)); ok {
		if err := b.Valid(); err != nil {
			ljcompat.Raise(L, err.Error())
		}
		return append([]byte(nil), b.Bytes()...)
	}
	ljcompat.TypeError(L, n, "string")
	return nil
}

// bufSlice returns a view sharing memory with the buffer (see view.go).
func bufSlice(L *lua.LState) int {
	b := self(L)
	start, end := subRange(L, 2, b.Len())
	v, err := b.Slice(start, end)
	if err != nil {
		ljcompat.Raise(L, err.Error())
	}
	Push(L, v)
	return 1
}

func bufClone(L *lua.LState) int {
	Push(L, self(L).Clone())
	return 1
}

func bufInsert(L *lua.LState) int {
	b := self(L)
	off := insertPos(L, 2, b.Len())
	if err := b.Insert(off, dataArg(L, 3)); err != nil {
		raiseMem(L, err)
	}
	return returnSelf(L)
}

func bufRemove(L *lua.LState) int {
	b := self(L)
	checkInt(L, 2)
	start, end := subRange(L, 2, b.Len())
	if _, err := b.Remove(start, end-start); err != nil {
		ljcompat.Raise(L, err.Error())
	}
	return returnSelf(L)
}

func bufReplace(L *lua.LState) int {
	b := self(L)
	off := insertPos(L, 2, b.Len())
	if err := b.Replace(off, dataArg(L, 3)); err != nil {
		raiseMem(L, err)
	}
	return returnSelf(L)
}

// bufFill sets bytes i..j to one byte value, given as a number 0..255 or a
// one-character string.
func bufFill(L *lua.LState) int {
	b := self(L)
	var c byte
	switch v := L.Get(2).(type) {
	case lua.LNumber:
		if v < 0 || v > 255 || v != lua.LNumber(int(v)) {
			ljcompat.ArgError(L, 2, "byte value out of range")
		}
		c = byte(int(v))
	case lua.LString:
		if len(v) != 1 {
			ljcompat.ArgError(L, 2, "one-character string expected")
		}
		c = v[0]
	default:
		ljcompat.TypeError(L, 2, "number")
	}
	start, end := subRange(L, 3, b.Len())
	if err := b.Fill(start, end-start, c); err != nil {
		ljcompat.Raise(L, err.Error())
	}
	return returnSelf(L)
}

// bufFind returns the 1-based start and end of the first occurrence of the
// needle at or after init (plain search, no patterns), or nil.
func bufFind(L *lua.LState) int {
	b := self(L)
	needle := dataArg(L, 2)
	init := optInt(L, 3, 1)
	if init < 0 {
		init = max(b.Len()+init+1, 1)
	}
	init = max(init, 1)
	if init > b.Len()+1 {
		L.Push(lua.LNil)
		return 1
	}
	return pushMatch(L, b.Index(needle, init-1), len(needle))
}

// bufRFind returns the last occurrence that starts at or before init
// (default: anywhere), or nil.
func bufRFind(L *lua.LState) int {
	b := self(L)
	needle := dataArg(L, 2)
	init := optInt(L, 3, b.Len()+1)
	if init < 0 {
		init = b.Len() + init + 1
	}
	return pushMatch(L, b.LastIndex(needle, min(init, b.Len()+1)-1), len(needle))
}

// pushMatch pushes the 1-based first and last positions of a match found at
// 0-based offset i, or nil when there is none (i < 0), as string.find does.
func pushMatch(L *lua.LState, i, n int) int {
	if i < 0 {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(lua.LNumber(i + 1))
	L.Push(lua.LNumber(i + n))
	return 2
}

// bufSplit returns a table of the pieces between separators, without
// consuming anything. limit, when given, caps the number of pieces; the last
// piece then holds the rest.
func bufSplit(L *lua.LState) int {
	b := self(L)
	sep := dataArg(L, 2)
	if len(sep) == 0 {
		ljcompat.ArgError(L, 2, "empty separator")
	}
	limit := optInt(L, 3, -1)
	if L.Get(3) != lua.LNil && limit < 1 {
		ljcompat.ArgError(L, 3, "limit must be at least 1")
	}
	t := L.NewTable()
	data := b.Bytes()
	for k := 1; ; k++ {
		i := indexOf(data, sep)
		if i < 0 || k == limit {
			t.RawSetInt(k, lua.LString(data))
			break
		}
		t.RawSetInt(k, lua.LString(data[:i]))
		data = data[i+len(sep):]
	}
	L.Push(t)
	return 1
}

func indexOf(data, sep []byte) int {
	tmp := Buffer{data: data, w: len(data)}
	return tmp.Index(sep, 0)
}

func bufSetLen(L *lua.LState) int {
	b := self(L)
	if err := b.SetLen(checkSize(L, 2)); err != nil {
		raiseMem(L, err)
	}
	return returnSelf(L)
}

func bufCapacity(L *lua.LState) int {
	L.Push(lua.LNumber(self(L).Cap()))
	return 1
}
