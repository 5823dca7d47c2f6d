package serial

import (
	"math"

	lua "github.com/yuin/gopher-lua"
)

// AppendLua appends the encoding of one Lua value to dst, using the
// dictionaries of opts (which may be nil). On error dst is returned with its
// original length, so a failed encode leaves no partial bytes behind.
func AppendLua(dst []byte, v lua.LValue, opts *Options) ([]byte, error) {
	e := luaEncoder{opts: opts}
	out, err := e.value(dst, v)
	if err != nil {
		return dst, err
	}
	return out, nil
}

type luaEncoder struct {
	opts  *Options
	depth int
	// pairs is scratch space for the hash part of the tables being
	// written, shared by all nesting levels as a stack.
	pairs []lua.LValue
}

func (e *luaEncoder) value(b []byte, v lua.LValue) ([]byte, error) {
	switch x := v.(type) {
	case lua.LString:
		if len(x) > maxStrLen {
			return b, &EncodeError{Msg: "string too long to serialize"}
		}
		return appendStr(b, string(x)), nil
	case lua.LNumber:
		return appendNum(b, float64(x)), nil
	case *lua.LTable:
		return e.table(b, x)
	case *lua.LNilType:
		return append(b, tagNil), nil
	case lua.LBool:
		if x {
			return append(b, tagTrue), nil
		}
		return append(b, tagFalse), nil
	case *lua.LUserData:
		switch u := x.Value.(type) {
		case Int64:
			return appendU64(append(b, tagInt64), uint64(u)), nil
		case Uint64:
			return appendU64(append(b, tagUint64), uint64(u)), nil
		case Complex:
			return appendComplex(b, complex128(u)), nil
		case LightUserdata:
			return appendLightUD(b, uint64(u)), nil
		}
	case nil:
		return append(b, tagNil), nil
	}
	return b, errCannotSerialize(v.Type().String())
}

// table writes t the way LuaJIT writes a table of the same content: the
// array part is t[1..n] for the largest n with no nil in between, plus t[0]
// when present (then it is 0-based); every other key goes to the hash part.
// gopher-lua's own array/hash split is not used, because it depends on how
// the table was built and pads sparse integer keys with nils.
func (e *luaEncoder) table(b []byte, t *lua.LTable) ([]byte, error) {
	e.depth++
	if e.depth > maxDepth {
		return b, &EncodeError{Msg: msgTooDeep}
	}
	if e.opts != nil && e.opts.mtIndex != nil {
		if mt, ok := t.Metatable.(*lua.LTable); ok {
			if i, ok := e.opts.mtIndex[mt]; ok {
				b = appendU(append(b, tagTabMeta), uint32(i))
			}
		}
	}
	r := raw(t)
	if r != nil {
		if out, ok, err := e.stringKeyed(b, r); ok || err != nil {
			e.depth--
			return out, err
		}
	}
	b, err := e.staged(b, t, r)
	if err == nil {
		e.depth--
	}
	return b, err
}

// staged writes any table's contents (r is nil when the layout is not
// known): it collects the hash part in e.pairs first, as its count comes
// before it.
func (e *luaEncoder) staged(b []byte, t *lua.LTable, r *ltable) ([]byte, error) {
	base := len(e.pairs)
	var n int
	var v0 lua.LValue
	if r != nil {
		n, v0 = e.collectRaw(r)
	} else {
		n, v0 = e.collect(t)
	}
	has0 := v0 != lua.LNil
	nhash := (len(e.pairs) - base) / 2

	b = appendTableHeader(b, n, has0, nhash)
	var err error
	if has0 {
		if b, err = e.value(b, v0); err != nil {
			return b, err
		}
	}
	for i := 1; i <= n; i++ {
		if b, err = e.value(b, t.RawGetInt(i)); err != nil {
			return b, err
		}
	}
	for i := base; i < base+2*nhash; i += 2 {
		// Index into e.pairs each time: nested tables may grow it.
		k := e.pairs[i]
		if s, ok := k.(lua.LString); ok && e.opts != nil && e.opts.dictIndex != nil {
			if idx := e.opts.dictIndex.lookup(string(s)); idx >= 0 {
				b = appendU(append(b, tagDictStr), uint32(idx))
			} else {
				b = appendStr(b, string(s))
			}
		} else if b, err = e.value(b, k); err != nil {
			return b, err
		}
		if b, err = e.value(b, e.pairs[i+1]); err != nil {
			return b, err
		}
	}
	clear(e.pairs[base:])
	e.pairs = e.pairs[:base]
	return b, nil
}

// stringKeyed writes the most common kind of table in one pass: an array
// part without holes and fewer than 0xe0 hash keys, all strings (gopher-lua
// keeps other keys in dict, and t[0] or integer keys past a hole would go
// to the hash part). The hash count has a one-byte placeholder that is
// filled in at the end, as deleted keys stay in gopher-lua's key list. ok
// is false, with nothing written, when t is of another kind.
func (e *luaEncoder) stringKeyed(b []byte, r *ltable) (out []byte, ok bool, err error) {
	if r.dict != nil || len(r.keys) >= 0xe0 || len(r.keys) == 0 {
		return b, false, nil
	}
	n := 0
	for n < len(r.array) && r.array[n] != lua.LNil {
		n++
	}
	for _, v := range r.array[n:] {
		if v != lua.LNil {
			return b, false, nil
		}
	}
	start := len(b)
	b = appendTableHeader(b, n, false, 1)
	countAt := len(b) - 1
	for _, v := range r.array[:n] {
		if b, err = e.value(b, v); err != nil {
			return b, true, err
		}
	}
	var dict *strDict
	if e.opts != nil {
		dict = e.opts.dictIndex
	}
	count := 0
	for _, k := range r.keys {
		s, isStr := k.(lua.LString)
		if !isStr {
			return b[:start], false, nil
		}
		v := r.strdict[string(s)]
		if v == nil || v == lua.LNil {
			continue
		}
		count++
		if idx := dict.lookup(string(s)); idx >= 0 {
			b = appendU(append(b, tagDictStr), uint32(idx))
		} else {
			b = appendStr(b, string(s))
		}
		if b, err = e.value(b, v); err != nil {
			return b, true, err
		}
	}
	if count == 0 {
		return b[:start], false, nil
	}
	b[countAt] = byte(count)
	return b, true, nil
}

// collect finds the array part of t through the public API: its length n
// and t[0] (LNil when absent), and appends the hash part to e.pairs.
func (e *luaEncoder) collect(t *lua.LTable) (n int, v0 lua.LValue) {
	for t.RawGetInt(n+1) != lua.LNil {
		n++
	}
	v0 = t.RawGetH(lua.LNumber(0))
	has0 := v0 != lua.LNil
	// The walk starts after t[n], so the array part is not visited (Next
	// would box every array index it returns).
	var from lua.LValue = lua.LNil
	if n > 0 {
		from = lua.LNumber(n)
	}
	for k, v := t.Next(from); k != lua.LNil; k, v = t.Next(k) {
		if !isArrayKey(k, n, has0) {
			e.pairs = append(e.pairs, k, v)
		}
	}
	return n, v0
}

// collectRaw is collect on gopher-lua's own parts: the array slice, then
// the hash keys in insertion order (the order Next gives), each looked up
// once.
func (e *luaEncoder) collectRaw(r *ltable) (n int, v0 lua.LValue) {
	for n < len(r.array) && r.array[n] != lua.LNil {
		n++
	}
	v0 = lua.LNil
	if r.dict != nil {
		v0 = r.hashValue(lua.LNumber(0))
	}
	has0 := v0 != lua.LNil
	for i := n + 1; i < len(r.array); i++ {
		if v := r.array[i]; v != lua.LNil {
			e.pairs = append(e.pairs, lua.LNumber(i+1), v)
		}
	}
	for _, k := range r.keys {
		if v := r.hashValue(k); v != lua.LNil && !isArrayKey(k, n, has0) {
			e.pairs = append(e.pairs, k, v)
		}
	}
	return n, v0
}

// isArrayKey reports whether k belongs to the array part: an integer in
// 1..n, or 0 when t[0] is present.
func isArrayKey(k lua.LValue, n int, has0 bool) bool {
	num, ok := k.(lua.LNumber)
	if !ok {
		return false
	}
	f := float64(num)
	return f == math.Trunc(f) && f <= float64(n) && (f >= 1 || (f == 0 && has0))
}
