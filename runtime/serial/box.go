package serial

import (
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// The Go decoder returns numbers, strings and lists inside `any`. Boxing
// each one costs an allocation, which dominates decoding time (LuaJIT
// stores numbers inline and allocates nothing for them). boxer instead
// stores the values in slabs and builds interface values that point into
// them: one allocation per slab, not per value.
//
// This relies on the layout of an empty interface (a type word and a data
// pointer to an immutable value), which has been stable since Go 1.4, and is
// safe for the garbage collector because the data pointer keeps its slab
// alive. A slab entry is never written after it has been boxed. The cost is
// retention: one live value keeps its whole slab (at most maxSlab values)
// alive.
type boxer struct {
	nums     []float64
	strs     []string
	lists    [][]any
	elemSlab []any // backing store for short lists, see elems
	flts     [][]float64

	numType, strType, listType, fltsType unsafe.Pointer
}

type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

const (
	minSlab = 4
	maxSlab = 512
)

func typeWord(v any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&v)).typ }

func newBoxer() boxer {
	return boxer{
		numType:  typeWord(float64(0)),
		strType:  typeWord(""),
		listType: typeWord([]any(nil)),
		fltsType: typeWord([]float64(nil)),
	}
}

func nextCap(c int) int { return min(max(2*c, minSlab), maxSlab) }

func (b *boxer) num(f float64) any {
	if len(b.nums) == cap(b.nums) {
		b.nums = make([]float64, 0, nextCap(cap(b.nums)))
	}
	b.nums = append(b.nums, f)
	e := eface{typ: b.numType, data: unsafe.Pointer(&b.nums[len(b.nums)-1])}
	return *(*any)(unsafe.Pointer(&e))
}

func (b *boxer) str(s string) any {
	if len(b.strs) == cap(b.strs) {
		b.strs = make([]string, 0, nextCap(cap(b.strs)))
	}
	b.strs = append(b.strs, s)
	e := eface{typ: b.strType, data: unsafe.Pointer(&b.strs[len(b.strs)-1])}
	return *(*any)(unsafe.Pointer(&e))
}

func (b *boxer) list(xs []any) any {
	if len(b.lists) == cap(b.lists) {
		b.lists = make([][]any, 0, nextCap(cap(b.lists)))
	}
	b.lists = append(b.lists, xs)
	e := eface{typ: b.listType, data: unsafe.Pointer(&b.lists[len(b.lists)-1])}
	return *(*any)(unsafe.Pointer(&e))
}

// elems returns an empty slice with room for exactly n elements. Short
// ones are cut from a shared slab; the capacity stops at n, so appending to
// one list never overwrites its neighbour.
func (b *boxer) elems(n int) []any {
	if n > maxShortList {
		return make([]any, 0, n)
	}
	if cap(b.elemSlab)-len(b.elemSlab) < n {
		b.elemSlab = make([]any, 0, max(n, nextCap(cap(b.elemSlab))))
	}
	l := len(b.elemSlab)
	b.elemSlab = b.elemSlab[:l+n]
	return b.elemSlab[l : l : l+n]
}

// maxShortList is the longest list that elems cuts from its slab.
const maxShortList = 16

func (b *boxer) floats(xs []float64) any {
	if len(b.flts) == cap(b.flts) {
		b.flts = make([][]float64, 0, nextCap(cap(b.flts)))
	}
	b.flts = append(b.flts, xs)
	e := eface{typ: b.fltsType, data: unsafe.Pointer(&b.flts[len(b.flts)-1])}
	return *(*any)(unsafe.Pointer(&e))
}

// luaBoxer does for the Lua decoder what boxer does for the Go one, for
// lua.LNumber and lua.LString inside lua.LValue (a non-empty interface: an
// itab word and a data pointer). gopher-lua's own allocator (alloc.go) boxes
// numbers the same way.
type luaBoxer struct {
	nums           []lua.LNumber
	strs           []lua.LString
	numTab, strTab unsafe.Pointer
}

type iface struct {
	tab  unsafe.Pointer
	data unsafe.Pointer
}

func itabWord(v lua.LValue) unsafe.Pointer { return (*iface)(unsafe.Pointer(&v)).tab }

func newLuaBoxer() luaBoxer {
	return luaBoxer{numTab: itabWord(lua.LNumber(0)), strTab: itabWord(lua.LString(""))}
}

func (b *luaBoxer) num(f lua.LNumber) lua.LValue {
	if len(b.nums) == cap(b.nums) {
		b.nums = make([]lua.LNumber, 0, nextCap(cap(b.nums)))
	}
	b.nums = append(b.nums, f)
	i := iface{tab: b.numTab, data: unsafe.Pointer(&b.nums[len(b.nums)-1])}
	return *(*lua.LValue)(unsafe.Pointer(&i))
}

func (b *luaBoxer) str(s lua.LString) lua.LValue {
	if len(b.strs) == cap(b.strs) {
		b.strs = make([]lua.LString, 0, nextCap(cap(b.strs)))
	}
	b.strs = append(b.strs, s)
	i := iface{tab: b.strTab, data: unsafe.Pointer(&b.strs[len(b.strs)-1])}
	return *(*lua.LValue)(unsafe.Pointer(&i))
}
