package serial

import (
	"reflect"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// gopher-lua's public table API costs the serializer most of its time:
// Next looks every key up twice (once in a position map with an interface
// hash) and boxes array indexes, and RawSetString boxes the key again and
// grows the key list one append at a time. ltable mirrors the private
// fields of lua.LTable so that the encoder can walk the parts directly and
// the decoder can build them at their final size.
//
// The mirror is used only when it matches the compiled gopher-lua field
// for field (names, types, offsets): rawLayoutOK is computed once from
// reflection, and when it is false (another gopher-lua version) both
// directions use the public API instead. Every table built this way keeps
// gopher-lua's invariants: each hash key appears once in keys, k2i maps it
// to its position, and its value lives in strdict (string keys) or dict.
type ltable struct {
	Metatable lua.LValue
	array     []lua.LValue
	dict      map[lua.LValue]lua.LValue
	strdict   map[string]lua.LValue
	keys      []lua.LValue
	k2i       map[lua.LValue]int
}

// rawLayoutOK reports whether ltable matches lua.LTable. It is set once at
// start-up and never changes.
var rawLayoutOK = sameLayout(reflect.TypeFor[lua.LTable](), reflect.TypeFor[ltable]())

func sameLayout(theirs, ours reflect.Type) bool {
	if theirs.Size() != ours.Size() || theirs.NumField() != ours.NumField() {
		return false
	}
	for i := range ours.NumField() {
		a, b := theirs.Field(i), ours.Field(i)
		if a.Name != b.Name || a.Type != b.Type || a.Offset != b.Offset {
			return false
		}
	}
	return true
}

// raw returns t's fields, or nil when the layout is not known.
func raw(t *lua.LTable) *ltable {
	if !rawLayoutOK {
		return nil
	}
	return (*ltable)(unsafe.Pointer(t))
}

// hashValue returns the value of hash key k (LNil when absent or deleted;
// deleted keys stay in keys).
func (r *ltable) hashValue(k lua.LValue) lua.LValue {
	var v lua.LValue
	if s, ok := k.(lua.LString); ok {
		v = r.strdict[string(s)]
	} else {
		v = r.dict[k]
	}
	if v == nil {
		return lua.LNil
	}
	return v
}

// prepareHash makes room for n more hash entries, so that the decoder's
// inserts do not grow the key list or the maps one step at a time.
func (r *ltable) prepareHash(nstr, nother int) {
	if r.keys == nil {
		r.keys = make([]lua.LValue, 0, nstr+nother)
		r.k2i = make(map[lua.LValue]int, nstr+nother)
	}
	if r.strdict == nil && nstr > 0 {
		r.strdict = make(map[string]lua.LValue, nstr)
	}
}

// addString adds string key k (whose boxed form is kv) with a non-nil
// value v to a table that nothing was ever deleted from (one the decoder is
// building); it reports false when the key was already present, and then
// the table is damaged (the old value is replaced, kv is not in keys): the
// caller must drop it. It is RawSetString without boxing the key again and
// without looking it up first; with no deletions, a key absent from strdict
// is absent from k2i too.
func (r *ltable) addString(kv lua.LValue, k string, v lua.LValue) bool {
	if r.strdict == nil || r.keys == nil {
		r.prepareHash(1, 0)
	}
	n := len(r.strdict)
	r.strdict[k] = v
	if len(r.strdict) == n {
		return false
	}
	r.k2i[kv] = len(r.keys)
	r.keys = append(r.keys, kv)
	return true
}
