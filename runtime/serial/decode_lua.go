package serial

import (
	"fmt"
	"math"

	lua "github.com/yuin/gopher-lua"
)

// DecodeLua decodes one object from the front of src, using the
// dictionaries of opts (which may be nil), and returns it with the number of
// bytes it took. Bytes after it are left alone: buffer.decode checks that
// n == len(src) (else "left-over data in buffer"), buf:decode() consumes n.
// Errors are *DecodeError whose text is LuaJIT's.
func DecodeLua(L *lua.LState, src []byte, opts *Options) (lua.LValue, int, error) {
	return decodeLua(L, src, opts)
}

// DecodeLuaString is DecodeLua for input that is a string, such as the
// argument of buffer.decode. Decoded strings share the memory of src instead
// of being copied.
func DecodeLuaString(L *lua.LState, src string, opts *Options) (lua.LValue, int, error) {
	return decodeLua(L, src, opts)
}

func decodeLua[T string | []byte](L *lua.LState, src T, opts *Options) (lua.LValue, int, error) {
	d := luaDecoder[T]{L: L, src: src, opts: opts, padBudget: padBudgetBase + 4*len(src), box: newLuaBoxer()}
	v, p, err := d.value(0)
	if err != nil {
		return lua.LNil, 0, err
	}
	return v, p, nil
}

// gopher-lua stores every integer key from 1 to lua.MaxArrayIndex in a
// slice and fills the gap below a new key with nils, so a short hostile
// input such as {[60000000]=1} would allocate hundreds of megabytes. Each
// decode call may add at most this many filler slots plus four per input
// byte; beyond that the key is refused with errSparseKey.
const padBudgetBase = 1 << 16

func errSparseKey(off int, k float64) *DecodeError {
	return &DecodeError{Offset: off, Msg: fmt.Sprintf("cannot deserialize sparse integer key %.0f (too far beyond the array part for gopher-lua)", k)}
}

// LeftOverError returns LuaJIT's error for bytes left after the single
// object that buffer.decode expects; off is where they start.
func LeftOverError(off int) *DecodeError { return errAt(off, msgLeftOver) }

// luaDecoder works on a string or a byte slice; with a string, decoded
// strings are substrings of it.
type luaDecoder[T string | []byte] struct {
	L         *lua.LState
	src       T
	opts      *Options
	depth     int
	padBudget int
	boxMT     *lua.LTable
	box       luaBoxer
	// lights holds one stand-in per light userdata value, so that equal
	// ones are one table key (and a repeated key is "duplicate table key",
	// as in LuaJIT, where equal light userdata are the same value).
	lights map[LightUserdata]lua.LValue
	// keys holds recently decoded short string keys, boxed, by a small
	// hash of their bytes (see key).
	keys [64]lua.LValue
	// tables and vals are slabs for the tables being built and for their
	// short array parts and key lists (see newTable).
	tables []lua.LTable
	vals   []lua.LValue
}

// newTable returns an empty table with room for na array values and nh
// hash entries. With the known layout the table comes from a slab (one
// allocation per slab; one live table keeps its slab alive, as with the
// boxed numbers), and its array part and key list are cut from a shared
// slab at their exact size, so a later append by gopher-lua reallocates
// instead of overwriting a neighbour.
func (d *luaDecoder[T]) newTable(na, nh uint32) *lua.LTable {
	if !rawLayoutOK {
		return d.L.CreateTable(int(na), int(nh))
	}
	if len(d.tables) == cap(d.tables) {
		d.tables = make([]lua.LTable, 0, nextCap(cap(d.tables)))
	}
	d.tables = d.tables[:len(d.tables)+1]
	t := &d.tables[len(d.tables)-1]
	t.Metatable = lua.LNil
	r := raw(t)
	if na > 0 {
		r.array = d.valSlice(int(na))
	}
	if nh > 0 {
		r.keys = d.valSlice(int(nh))
		r.k2i = make(map[lua.LValue]int, nh)
		r.strdict = make(map[string]lua.LValue, nh)
	}
	return t
}

// valSlice returns an empty slice with room for exactly n values, cut from
// a shared slab when it is short.
func (d *luaDecoder[T]) valSlice(n int) []lua.LValue {
	if n > maxShortList {
		return make([]lua.LValue, 0, n)
	}
	if cap(d.vals)-len(d.vals) < n {
		d.vals = make([]lua.LValue, 0, max(n, nextCap(cap(d.vals))))
	}
	l := len(d.vals)
	d.vals = d.vals[:l+n]
	return d.vals[l : l : l+n]
}

func (d *luaDecoder[T]) value(p int) (lua.LValue, int, error) {
	start := p
	tag, p, ok := readU(d.src, p)
	if !ok {
		return lua.LNil, start, errAt(start, msgUnexpectedEnd)
	}
	if tag >= tagStr {
		n := uint64(tag - tagStr)
		if n > uint64(len(d.src)-p) {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		return d.box.str(lua.LString(d.src[p : p+int(n)])), p + int(n), nil
	}
	switch tag {
	case tagNum:
		if len(d.src)-p < 8 {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		bits := canonicalNaN(le64(d.src, p))
		return d.box.num(lua.LNumber(math.Float64frombits(bits))), p + 8, nil
	case tagNil:
		return lua.LNil, p, nil
	case tagFalse:
		return lua.LFalse, p, nil
	case tagTrue:
		return lua.LTrue, p, nil
	case tagNull:
		return d.boxUD(LightUserdata(0)), p, nil
	case tagLightUD32, tagInt:
		if len(d.src)-p < 4 {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		u := le32(d.src, p)
		if tag == tagInt {
			return d.box.num(lua.LNumber(int32(u))), p + 4, nil
		}
		return d.boxUD(LightUserdata(u)), p + 4, nil
	case tagLightUD64:
		if len(d.src)-p < 8 {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		return d.boxUD(LightUserdata(le64(d.src, p))), p + 8, nil
	case tagDictStr:
		idx, np, ok := readU(d.src, p)
		if !ok {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		if d.opts == nil || uint64(idx) >= uint64(len(d.opts.dict)) || d.opts.dict[idx] == lua.LNil {
			return lua.LNil, start, errDictIndex(start, idx)
		}
		return d.opts.dict[idx], np, nil
	case tagInt64, tagUint64:
		if len(d.src)-p < 8 {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		u := le64(d.src, p)
		if tag == tagInt64 {
			return d.boxUD(Int64(u)), p + 8, nil
		}
		return d.boxUD(Uint64(u)), p + 8, nil
	case tagComplex:
		if len(d.src)-p < 16 {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		re := math.Float64frombits(le64(d.src, p))
		im := math.Float64frombits(le64(d.src, p+8))
		return d.boxUD(Complex(complex(re, im))), p + 16, nil
	}
	if tag >= tagTabEmpty && tag <= tagTabMeta {
		return d.table(start, p, tag)
	}
	return lua.LNil, start, errBadTag(start, tag)
}

// key decodes a hash key. Records repeat the same few string keys; a key
// equal to a recent one gets that one's boxed value instead of a new box,
// so the tables share their key values (and the collector marks each once).
func (d *luaDecoder[T]) key(p int) (lua.LValue, int, error) {
	if p < len(d.src) && d.src[p] >= tagStr && d.src[p] < 0xe0 {
		n := int(d.src[p] - tagStr)
		if s := p + 1; n <= len(d.src)-s {
			h := 0
			if n > 0 {
				h = slotHash(n, d.src[s], d.src[s+n-1])
			}
			if c, ok := d.keys[h].(lua.LString); ok && len(c) == n && string(c) == string(d.src[s:s+n]) {
				return d.keys[h], s + n, nil
			}
			k := d.box.str(lua.LString(d.src[s : s+n]))
			d.keys[h] = k
			return k, s + n, nil
		}
	}
	return d.value(p)
}

func (d *luaDecoder[T]) boxUD(v any) lua.LValue {
	if d.boxMT == nil {
		d.boxMT = boxMetatable(d.L)
	}
	lud, light := v.(LightUserdata)
	if light {
		if ud, ok := d.lights[lud]; ok {
			return ud
		}
	}
	ud := d.L.NewUserData()
	ud.Value = v
	ud.Metatable = d.boxMT
	if light {
		if d.lights == nil {
			d.lights = map[LightUserdata]lua.LValue{}
		}
		d.lights[lud] = ud
	}
	return ud
}

func (d *luaDecoder[T]) table(start, p int, tag uint32) (lua.LValue, int, error) {
	d.depth++
	if d.depth > maxDepth {
		return lua.LNil, start, errAt(start, msgTooDeep)
	}
	var mt *lua.LTable
	if tag == tagTabMeta {
		idx, np, ok := readU(d.src, p)
		if !ok {
			return lua.LNil, start, errAt(start, msgUnexpectedEnd)
		}
		if d.opts == nil || uint64(idx) >= uint64(len(d.opts.mts)) || d.opts.mts[idx] == nil {
			return lua.LNil, start, errDictIndex(start, idx)
		}
		mt = d.opts.mts[idx]
		tagPos := np
		tag, p, ok = readU(d.src, np)
		if !ok {
			return lua.LNil, start, errAt(tagPos, msgUnexpectedEnd)
		}
		if tag < tagTabEmpty || tag > tagTabMix1 {
			return lua.LNil, start, errBadTag(tagPos, tag)
		}
	}
	narray, nhash, p, cerr := readTableCounts(d.src, tag, p, start)
	if cerr != nil {
		return lua.LNil, start, cerr
	}
	first := uint32(0)
	if tag >= tagTabArr1 {
		first = 1
	}
	var na uint32
	if narray > first {
		na = narray - first
	}
	// Counts are only hints: clamp them by what is left so that a lying
	// prefix cannot make us allocate.
	left := uint32(len(d.src) - p)
	t := d.newTable(min(na, left), min(nhash, left/2))
	if mt != nil {
		t.Metatable = mt
	}
	r := raw(t)
	alen := 0 // length of gopher-lua's array slice, which we track ourselves
	for i := range na {
		v, np, err := d.value(p)
		if err != nil {
			return lua.LNil, start, err
		}
		p = np
		key := int(first + i)
		switch {
		case key == 0:
			if v != lua.LNil {
				t.RawSetH(lua.LNumber(0), v)
			}
		case r != nil:
			// Keys arrive in order 1, 2, ...: RawSetInt would append too.
			r.array = append(r.array, v)
			alen = key
		default:
			t.RawSetInt(key, v)
			alen = key
		}
	}
	for range nhash {
		kpos := p
		k, np, err := d.key(p)
		if err != nil {
			return lua.LNil, start, err
		}
		p = np
		ks, isStr := k.(lua.LString)
		if num, ok := k.(lua.LNumber); ok {
			f := float64(num)
			switch {
			case f != f:
				return lua.LNil, start, errAt(kpos, msgIndexNaN)
			case f == 0:
				k = lua.LNumber(0)
			case f >= 1 && f < float64(lua.MaxArrayIndex) && f == math.Trunc(f) && int(f) > alen:
				// The key lands in gopher-lua's array slice; account for
				// the filler slots it will add if the value is not nil.
				if gap := int(f) - alen - 1; gap > 0 && gap > d.padBudget {
					return lua.LNil, start, errSparseKey(kpos, f)
				}
			}
		} else if k == lua.LNil {
			return lua.LNil, start, errAt(kpos, msgIndexNil)
		}
		if isStr && r != nil {
			// The common case costs one insert per map and no lookups:
			// a duplicate shows as a strdict that did not grow. LuaJIT
			// checks for a duplicate before it decodes the value, so an
			// error in the value, and a nil value (which stores
			// nothing), look the key up first.
			v, np, err := d.value(p)
			if err != nil || v == lua.LNil {
				if _, dup := r.strdict[string(ks)]; dup {
					return lua.LNil, start, errAt(kpos, msgDuplicateKey)
				}
				if err != nil {
					return lua.LNil, start, err
				}
				p = np
				continue
			}
			p = np
			if !r.addString(k, string(ks), v) {
				return lua.LNil, start, errAt(kpos, msgDuplicateKey)
			}
			continue
		}
		if t.RawGet(k) != lua.LNil {
			return lua.LNil, start, errAt(kpos, msgDuplicateKey)
		}
		v, np, err := d.value(p)
		if err != nil {
			return lua.LNil, start, err
		}
		p = np
		if v == lua.LNil {
			continue
		}
		if num, ok := k.(lua.LNumber); ok {
			if f := float64(num); f >= 1 && f < float64(lua.MaxArrayIndex) && f == math.Trunc(f) && int(f) > alen {
				d.padBudget -= int(f) - alen - 1
				alen = int(f)
			}
		}
		t.RawSet(k, v)
	}
	d.depth--
	return t, p, nil
}
