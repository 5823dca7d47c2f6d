package serial

// Tables decoded into typed Go values: structs (keys to fields), slices and
// arrays (1-based arrays), maps.

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"unsafe"
)

// intoTable decodes the table at start into a struct, slice, array or map.
func (d *goDecoder) intoTable(start int, td *typeDec, ptr unsafe.Pointer) (int, error) {
	if start < len(d.src) && d.src[start] == tagNil {
		reflect.NewAt(td.t, ptr).Elem().SetZero()
		return start + 1, nil
	}
	tag, p, ok := d.readU(start)
	if !ok {
		return start, errAt(start, msgUnexpectedEnd)
	}
	if tag == tagTabMeta {
		// The metatable is the Lua side's business; the table under it
		// decodes as any other.
		_, np, ok := d.readU(p)
		if !ok {
			return start, errAt(start, msgUnexpectedEnd)
		}
		tagPos := np
		if tag, p, ok = d.readU(np); !ok {
			return start, errAt(tagPos, msgUnexpectedEnd)
		}
		if tag < tagTabEmpty || tag > tagTabMix1 {
			return start, errBadTag(tagPos, tag)
		}
	}
	if tag < tagTabEmpty || tag > tagTabMix1 {
		if _, _, err := d.value(start); err != nil {
			return start, err
		}
		return start, d.typeErr(start, td)
	}
	d.depth++
	if d.depth > maxDepth {
		return start, errAt(start, msgTooDeep)
	}
	narray, nhash, p, cerr := readTableCounts(d.src, tag, p, start)
	if cerr != nil {
		return start, cerr
	}
	var err error
	switch td.kind {
	case reflect.Struct:
		p, err = d.intoStruct(p, tag, narray, nhash, td, ptr)
	case reflect.Map:
		p, err = d.intoMap(p, tag, narray, nhash, td, ptr)
	default:
		p, err = d.intoArray(start, p, tag, narray, nhash, td, ptr)
	}
	if err != nil {
		return start, err
	}
	d.depth--
	return p, nil
}

// sliceHeader is the layout of a Go slice, for setting a slice of a type
// known only at run time without going through reflect.Value.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// arrayStart splits a table's array count: whether it has a slot 0, and
// how many 1-based elements follow.
func arrayStart(tag, narray uint32) (has0 bool, n uint32) {
	if tag == tagTabArr0 || tag == tagTabMix0 {
		if narray == 0 {
			return false, 0
		}
		return true, narray - 1
	}
	if narray <= 1 {
		return false, 0
	}
	return false, narray - 1
}

// intoArray decodes a 1-based array into a slice or an array. Holes (nil
// elements) become zero values; keys outside 1..n are an error.
func (d *goDecoder) intoArray(start, p int, tag, narray, nhash uint32, td *typeDec, ptr unsafe.Pointer) (int, error) {
	has0, n := arrayStart(tag, narray)
	if has0 {
		if p >= len(d.src) {
			return p, errAt(start, msgUnexpectedEnd)
		}
		if d.src[p] != tagNil {
			return p, &TypeError{Offset: start, Expected: describeGo(td.t), Found: "a table with a value at index 0"}
		}
		p++
	}
	if nhash > 0 {
		return p, &TypeError{Offset: start, Expected: describeGo(td.t), Found: "a table with keys outside its array part"}
	}
	if uint64(n) > uint64(len(d.src)-p) {
		return p, errAt(start, msgUnexpectedEnd)
	}
	t := td.t
	size := t.Elem().Size()
	var base unsafe.Pointer
	if t.Kind() == reflect.Array {
		if int(n) > t.Len() {
			return p, &TypeError{Offset: start, Expected: describeGo(t), Found: fmt.Sprintf("an array of %d elements", n)}
		}
		reflect.NewAt(t, ptr).Elem().SetZero()
		base = ptr
	} else {
		base = reflect.MakeSlice(t, int(n), int(n)).UnsafePointer()
		*(*sliceHeader)(ptr) = sliceHeader{base, int(n), int(n)}
	}
	for i := range int(n) {
		np, err := d.into(p, td.elem, unsafe.Add(base, uintptr(i)*size))
		if err != nil {
			return p, withPath(err, "["+strconv.Itoa(i)+"]")
		}
		p = np
	}
	return p, nil
}

// intoStruct decodes a table into a struct: each string key names a field
// (by structFields). Other keys are skipped, or an error with
// WithUnknownKeysError.
func (d *goDecoder) intoStruct(p int, tag, narray, nhash uint32, td *typeDec, ptr unsafe.Pointer) (int, error) {
	has0, n := arrayStart(tag, narray)
	if has0 {
		n++
	}
	for i := range n {
		if d.strict && p < len(d.src) && d.src[p] != tagNil {
			idx := int(i) + 1
			if has0 {
				idx--
			}
			return p, &TypeError{Offset: p, Expected: "a key of " + td.t.String(), Found: fmt.Sprintf("a value at index %d", idx)}
		}
		_, np, err := d.value(p)
		if err != nil {
			return p, err
		}
		p = np
	}
	var seen uint64 // fields already set, for the first 64
	var seenMore []bool
	prev := len(td.fields) // the field of the previous key; none yet
	for range nhash {
		kpos := p
		fi, np := d.fieldAt(p, td, prev)
		known := fi >= 0
		if !known {
			k, np, err := d.value(p)
			if err != nil {
				return p, err
			}
			if err := checkKey(kpos, k); err != nil {
				return p, err
			}
			if d.strict {
				return p, &TypeError{Offset: kpos, Expected: "a key of " + td.t.String(), Found: "the key " + describeKey(k)}
			}
			if _, np, err = d.value(np); err != nil {
				return p, err
			}
			p = np
			continue
		}
		p = np
		if p < len(d.src) && d.src[p] == tagNil {
			p++ // a nil value: the key is absent
			continue
		}
		if fi < 64 {
			if seen&(1<<fi) != 0 {
				return p, errAt(kpos, msgDuplicateKey)
			}
			seen |= 1 << fi
		} else {
			if seenMore == nil {
				seenMore = make([]bool, len(td.fields))
			}
			if seenMore[fi] {
				return p, errAt(kpos, msgDuplicateKey)
			}
			seenMore[fi] = true
		}
		prev = fi
		f := &td.fields[fi]
		np, err := d.into(p, td.fieldDecs[fi], f.at(td.t, ptr, true))
		if err != nil {
			return p, withPath(err, f.name)
		}
		p = np
	}
	return p, nil
}

// checkKey refuses the keys a Lua table cannot have, as LuaJIT's decoder
// does.
func checkKey(kpos int, k any) error {
	switch x := k.(type) {
	case nil:
		return errAt(kpos, msgIndexNil)
	case float64:
		if x != x {
			return errAt(kpos, msgIndexNaN)
		}
	}
	return nil
}

func describeKey(k any) string {
	switch x := k.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return formatNum(x)
	case []any, map[string]any, map[any]any, Meta:
		return "(a table)"
	}
	return fmt.Sprint(k)
}

// intoMap decodes a table into a Go map: keys are converted to the map's
// key type (strings, whole numbers, or anything for interface keys).
func (d *goDecoder) intoMap(p int, tag, narray, nhash uint32, td *typeDec, ptr unsafe.Pointer) (int, error) {
	t := td.t
	m := reflect.NewAt(t, ptr).Elem()
	if m.IsNil() {
		m.Set(reflect.MakeMapWithSize(t, int(min(narray+nhash, uint32(len(d.src)-p)))))
	}
	put := func(kpos int, k any) error {
		kv, ok := mapKey(k, td.key)
		if !ok {
			return &TypeError{Offset: kpos, Expected: "a key of type " + td.key.String(), Found: "the key " + describeKey(k)}
		}
		if p < len(d.src) && d.src[p] == tagNil {
			p++
			return nil
		}
		if m.MapIndex(kv).IsValid() {
			return errAt(kpos, msgDuplicateKey)
		}
		ev := reflect.New(t.Elem())
		np, err := d.into(p, td.elem, ev.UnsafePointer())
		if err != nil {
			return withPath(err, "["+describeKey(k)+"]")
		}
		p = np
		m.SetMapIndex(kv, ev.Elem())
		return nil
	}
	has0, n := arrayStart(tag, narray)
	first := 1
	if has0 {
		first, n = 0, n+1
	}
	for i := range int(n) {
		if err := put(p, float64(first+i)); err != nil {
			return p, err
		}
	}
	for range nhash {
		kpos := p
		k, np, err := d.value(p)
		if err != nil {
			return p, err
		}
		if err := checkKey(kpos, k); err != nil {
			return p, err
		}
		p = np
		if err := put(kpos, k); err != nil {
			return p, err
		}
	}
	return p, nil
}

// mapKey converts a decoded key to the key type of a Go map.
func mapKey(k any, kt reflect.Type) (reflect.Value, bool) {
	if kt.Kind() == reflect.Interface {
		if f, ok := k.(float64); ok && f == 0 {
			k = float64(0) // -0 and 0 are one key
		}
		rv := reflect.ValueOf(k)
		if !rv.Type().Comparable() || !rv.Type().AssignableTo(kt) {
			return reflect.Value{}, false
		}
		return rv, true
	}
	kv := reflect.New(kt).Elem()
	switch x := k.(type) {
	case string:
		if kt.Kind() == reflect.String {
			kv.SetString(x)
			return kv, true
		}
	case float64:
		switch {
		case kt.Kind() == reflect.Float32 || kt.Kind() == reflect.Float64:
			kv.SetFloat(x)
			return kv, true
		case x != math.Trunc(x):
		case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
			if x >= -0x1p63 && x < 0x1p63 && !kv.OverflowInt(int64(x)) {
				kv.SetInt(int64(x))
				return kv, true
			}
		case kt.Kind() >= reflect.Uint && kt.Kind() <= reflect.Uintptr:
			if x >= 0 && x < 0x1p64 && !kv.OverflowUint(uint64(x)) {
				kv.SetUint(uint64(x))
				return kv, true
			}
		}
	}
	return reflect.Value{}, false
}

// withPath puts a path segment (a field name or "[i]") in front of the
// path of a TypeError.
func withPath(err error, seg string) error {
	te, ok := err.(*TypeError)
	if !ok {
		return err
	}
	switch {
	case te.Path == "":
		te.Path = seg
	case te.Path[0] == '[':
		te.Path = seg + te.Path
	default:
		te.Path = seg + "." + te.Path
	}
	return te
}

// fieldAt finds the field named by the key at p, and returns -1 for keys
// that are not strings or name no field. Dictionary keys go through the
// plan's index by dictionary position. Other keys are compared first with
// the field whose key followed prev's last time: tables of one shape
// mostly list their keys in the same order, and one comparison is cheaper
// than a map lookup.
func (d *goDecoder) fieldAt(p int, td *typeDec, prev int) (int, int) {
	if p < len(d.src) && d.src[p] == tagDictStr {
		idx, np, ok := d.readU(p + 1)
		if ok && uint64(idx) < uint64(len(td.byDict)) {
			return td.byDict[idx], np
		}
		return -1, p
	}
	ks, np, ok := d.keyView(p)
	if !ok {
		return -1, p
	}
	if g := td.next[prev]; g >= 0 && td.fields[g].name == ks {
		return g, np
	}
	fi, ok := td.byName[ks]
	if !ok {
		return -1, np
	}
	td.next[prev] = fi
	return fi, np
}

// keyView is strKey for a key that is only looked up, never kept: it
// does not copy the caller's input.
func (d *goDecoder) keyView(p int) (string, int, bool) {
	if p < len(d.src) {
		if tag := d.src[p]; tag >= tagStr && tag < 0xe0 {
			n := int(tag - tagStr)
			if n <= len(d.src)-p-1 {
				return d.src[p+1 : p+1+n], p + 1 + n, true
			}
			return "", p, false
		}
	}
	return d.strKey(p)
}
