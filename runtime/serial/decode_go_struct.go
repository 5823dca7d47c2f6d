package serial

// Decoding into typed Go values (UnmarshalInto, Decoder.DecodeInto): the
// bytes are read straight into the destination, structs through a plan of
// their fields built once per type and kept by the Decoder.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"unsafe"
)

// TypeError is a value that does not fit its Go destination: a string for
// an int field, a number with a fraction for an integer, a key the struct
// does not have (with WithUnknownKeysError), and so on.
type TypeError struct {
	Offset   int    // where the value starts, from the start of the input
	Path     string // where it goes: "tags[2]", "owner.name"; empty for the top level
	Expected string // what the destination takes
	Found    string // what the input has there
}

func (e *TypeError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("serial: decode at byte %d: expected %s, found %s", e.Offset, e.Expected, e.Found)
	}
	return fmt.Sprintf("serial: decode at byte %d: %s: expected %s, found %s", e.Offset, e.Path, e.Expected, e.Found)
}

// UnmarshalInto decodes exactly one object from data into the value v
// points to. See docs/serial.md for how Lua values map to Go types.
func UnmarshalInto(data []byte, v any, opts ...Option) error {
	if len(data) == 0 {
		return goDecodeError(errAt(0, msgUnexpectedEnd))
	}
	d := newDecoder(unsafe.String(&data[0], len(data)), opts)
	d.dec.borrowed = true
	if err := d.DecodeInto(v); err != nil {
		return err
	}
	if d.pos != len(d.src) {
		return goDecodeError(errAt(d.pos, msgLeftOver))
	}
	return nil
}

// DecodeInto decodes the next object into the value v points to. It
// returns io.EOF when the input is used up. On error nothing is consumed,
// but v may have been changed in part.
func (d *Decoder) DecodeInto(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("serial: DecodeInto needs a non-nil pointer, got %T", v)
	}
	if d.pos == len(d.src) {
		return io.EOF
	}
	d.dec.src = d.src
	d.dec.depth = 0
	p, err := d.dec.into(d.pos, d.dec.typeDecoder(rv.Type().Elem()), rv.UnsafePointer())
	if err != nil {
		var te *TypeError
		if errors.As(err, &te) {
			return te
		}
		return goDecodeError(err)
	}
	d.pos = p
	return nil
}

// typeDec is the decoding plan of one Go type.
type typeDec struct {
	t         reflect.Type
	kind      reflect.Kind   // t.Kind(), or Invalid for this package's boxed types
	fields    []structField  // structs
	fieldDecs []*typeDec     // structs: the plan of each field
	byName    map[string]int // structs: field position by key
	byDict    []int          // structs: field position by dictionary index, or -1
	next      []int          // structs: the field whose key followed field i's last time (i = len(fields): the first key)
	elem      *typeDec       // pointers, slices, arrays, maps
	key       reflect.Type   // maps
}

func (d *goDecoder) typeDecoder(t reflect.Type) *typeDec {
	if td, ok := d.plans[t]; ok {
		return td
	}
	if d.plans == nil {
		d.plans = map[reflect.Type]*typeDec{}
	}
	td := &typeDec{t: t, kind: t.Kind()}
	d.plans[t] = td
	if boxedType(t) {
		td.kind = reflect.Invalid
		return td
	}
	switch t.Kind() {
	case reflect.Struct:
		td.fields = structFields(t)
		td.byName = make(map[string]int, len(td.fields))
		td.fieldDecs = make([]*typeDec, len(td.fields))
		td.next = make([]int, len(td.fields)+1)
		for i, f := range td.fields {
			td.byName[f.name] = i
			td.fieldDecs[i] = d.typeDecoder(f.typ)
			td.next[i] = -1
		}
		td.next[len(td.fields)] = -1
		// The dictionary is fixed for the decoder's life, like the plan.
		td.byDict = make([]int, len(d.dict))
		for i, k := range d.dict {
			td.byDict[i] = -1
			if fi, ok := td.byName[k]; ok {
				td.byDict[i] = fi
			}
		}
	case reflect.Pointer, reflect.Slice, reflect.Array:
		td.elem = d.typeDecoder(t.Elem())
	case reflect.Map:
		td.key = t.Key()
		td.elem = d.typeDecoder(t.Elem())
	}
	return td
}

// typeErr builds the error for a value at p that td cannot take.
func (d *goDecoder) typeErr(p int, td *typeDec) error {
	return &TypeError{Offset: p, Expected: describeGo(td.t), Found: d.describe(p)}
}

// describeGo names what a Go type takes, in Lua's words.
func describeGo(t reflect.Type) string {
	switch {
	case boxedType(t):
		return t.String()
	case t.Kind() == reflect.Bool:
		return "a boolean (" + t.String() + ")"
	case t.Kind() == reflect.String:
		return "a string (" + t.String() + ")"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uintptr:
		return "an integer that fits " + t.String()
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "a number (" + t.String() + ")"
	case t.Kind() == reflect.Complex64 || t.Kind() == reflect.Complex128:
		return "a complex cdata (" + t.String() + ")"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		return "a string (" + t.String() + ")"
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return "an array (" + t.String() + ")"
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map:
		return "a table (" + t.String() + ")"
	}
	return "a value of a type it can hold (" + t.String() + ")"
}

// describe names the value at p for an error message.
func (d *goDecoder) describe(p int) string {
	tag, np, ok := d.readU(p)
	if !ok {
		return "the end of the input"
	}
	switch {
	case tag >= tagStr:
		n := int(tag - tagStr)
		if n > 20 || n > len(d.src)-np {
			return fmt.Sprintf("a string of %d bytes", n)
		}
		return fmt.Sprintf("the string %q", d.src[np:np+n])
	case tag == tagDictStr:
		if s, _, ok := d.strKey(p); ok {
			return fmt.Sprintf("the string %q", s)
		}
		return "a dictionary string"
	case tag == tagNum || tag == tagInt:
		if f, _, ok := d.number(p); ok {
			return "the number " + formatNum(f)
		}
		return "a number"
	case tag == tagNil:
		return "nil"
	case tag == tagFalse || tag == tagTrue:
		return "a boolean"
	case tag == tagNull || tag == tagLightUD32 || tag == tagLightUD64:
		return "a light userdata"
	case tag == tagInt64:
		return "an int64 cdata"
	case tag == tagUint64:
		return "a uint64 cdata"
	case tag == tagComplex:
		return "a complex cdata"
	case tag == tagTabEmpty:
		return "an empty table"
	case tag == tagTabArr0 || tag == tagTabArr1:
		return "an array"
	case tag >= tagTabHash && tag <= tagTabMeta:
		return "a table"
	}
	return fmt.Sprintf("tag 0x%02x", tag)
}

func formatNum(f float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.17g", f), ".0")
}

// number reads a number (tag 07 or 06) at p.
func (d *goDecoder) number(p int) (float64, int, bool) {
	if p >= len(d.src) {
		return 0, p, false
	}
	switch d.src[p] {
	case tagNum:
		if len(d.src)-p >= 9 {
			return math.Float64frombits(canonicalNaN(le64(d.src, p+1))), p + 9, true
		}
	case tagInt:
		if len(d.src)-p >= 5 {
			return float64(int32(le32(d.src, p+1))), p + 5, true
		}
	}
	return 0, p, false
}

// into decodes the object at p into the value of td's type at ptr and
// returns the position after it.
func (d *goDecoder) into(p int, td *typeDec, ptr unsafe.Pointer) (int, error) {
	t := td.t
	switch td.kind {
	case reflect.Invalid:
		return d.intoGeneric(p, td, ptr)
	case reflect.String:
		if s, np, ok := d.strKey(p); ok {
			*(*string)(ptr) = s
			return np, nil
		}
	case reflect.Float64:
		if f, np, ok := d.number(p); ok {
			*(*float64)(ptr) = f
			return np, nil
		}
	case reflect.Float32:
		if f, np, ok := d.number(p); ok {
			*(*float32)(ptr) = float32(f)
			return np, nil
		}
	case reflect.Bool:
		if p < len(d.src) && (d.src[p] == tagTrue || d.src[p] == tagFalse) {
			*(*bool)(ptr) = d.src[p] == tagTrue
			return p + 1, nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return d.intoInt(p, td, ptr)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return d.intoUint(p, td, ptr)
	case reflect.Complex64, reflect.Complex128:
		if p < len(d.src) && d.src[p] == tagComplex {
			re, ok1 := d.u64(p + 1)
			im, ok2 := d.u64(p + 9)
			if ok1 && ok2 {
				reflect.NewAt(t, ptr).Elem().SetComplex(complex(math.Float64frombits(re), math.Float64frombits(im)))
				return p + 17, nil
			}
		}
	case reflect.Interface:
		return d.intoGeneric(p, td, ptr)
	case reflect.Pointer:
		if p < len(d.src) && d.src[p] == tagNil {
			*(*unsafe.Pointer)(ptr) = nil
			return p + 1, nil
		}
		pp := (*unsafe.Pointer)(ptr)
		if *pp == nil {
			*pp = reflect.New(t.Elem()).UnsafePointer()
		}
		// Counted like a table: a pointer type that points to itself
		// would otherwise recurse without reading anything.
		if d.depth++; d.depth > maxDepth {
			return p, errAt(p, msgTooDeep)
		}
		np, err := d.into(p, td.elem, *pp)
		d.depth--
		return np, err
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if s, np, ok := d.strKey(p); ok {
				*(*[]byte)(ptr) = []byte(s)
				return np, nil
			}
			break
		}
		return d.intoTable(p, td, ptr)
	case reflect.Array, reflect.Struct, reflect.Map:
		return d.intoTable(p, td, ptr)
	}
	if p < len(d.src) && d.src[p] == tagNil {
		// nil for a value that cannot be nil: the zero value, as a
		// missing key leaves it.
		reflect.NewAt(t, ptr).Elem().SetZero()
		return p + 1, nil
	}
	if _, _, err := d.value(p); err != nil {
		return p, err // broken input is reported as such
	}
	return p, d.typeErr(p, td)
}

// intoGeneric decodes as Unmarshal does and stores the result if the
// destination takes it (interfaces, and this package's boxed types).
func (d *goDecoder) intoGeneric(p int, td *typeDec, ptr unsafe.Pointer) (int, error) {
	v, np, err := d.value(p)
	if err != nil {
		return p, err
	}
	dst := reflect.NewAt(td.t, ptr).Elem()
	if v == nil {
		dst.SetZero()
		return np, nil
	}
	rv := reflect.ValueOf(v)
	if !rv.Type().AssignableTo(td.t) {
		return p, d.typeErr(p, td)
	}
	dst.Set(rv)
	return np, nil
}

// integer reads a number, or an int64/uint64 cdata, at p as an integer;
// ok is false when the value is not a whole number in range of the
// 64-bit type (signed or not).
func (d *goDecoder) integer(p int, signed bool) (i int64, u uint64, np int, ok bool) {
	if f, np, isNum := d.number(p); isNum {
		if f != math.Trunc(f) {
			return 0, 0, p, false
		}
		if signed && f >= -0x1p63 && f < 0x1p63 {
			return int64(f), 0, np, true
		}
		if !signed && f >= 0 && f < 0x1p64 {
			return 0, uint64(f), np, true
		}
		return 0, 0, p, false
	}
	if p < len(d.src) && (d.src[p] == tagInt64 || d.src[p] == tagUint64) {
		x, ok := d.u64(p + 1)
		if !ok {
			return 0, 0, p, false
		}
		neg := d.src[p] == tagInt64 && int64(x) < 0
		switch {
		case signed && !neg && x > math.MaxInt64:
			return 0, 0, p, false
		case !signed && neg:
			return 0, 0, p, false
		}
		return int64(x), x, p + 9, true
	}
	return 0, 0, p, false
}

func (d *goDecoder) intoInt(p int, td *typeDec, ptr unsafe.Pointer) (int, error) {
	if i, _, np, ok := d.integer(p, true); ok {
		switch td.kind {
		case reflect.Int:
			ok = putInt[int](ptr, i)
		case reflect.Int8:
			ok = putInt[int8](ptr, i)
		case reflect.Int16:
			ok = putInt[int16](ptr, i)
		case reflect.Int32:
			ok = putInt[int32](ptr, i)
		default:
			ok = putInt[int64](ptr, i)
		}
		if ok {
			return np, nil
		}
	}
	return d.badScalar(p, td, ptr)
}

func (d *goDecoder) intoUint(p int, td *typeDec, ptr unsafe.Pointer) (int, error) {
	if _, u, np, ok := d.integer(p, false); ok {
		switch td.kind {
		case reflect.Uint:
			ok = putUint[uint](ptr, u)
		case reflect.Uintptr:
			ok = putUint[uintptr](ptr, u)
		case reflect.Uint8:
			ok = putUint[uint8](ptr, u)
		case reflect.Uint16:
			ok = putUint[uint16](ptr, u)
		case reflect.Uint32:
			ok = putUint[uint32](ptr, u)
		default:
			ok = putUint[uint64](ptr, u)
		}
		if ok {
			return np, nil
		}
	}
	return d.badScalar(p, td, ptr)
}

// putInt stores i at ptr as a T if T holds it exactly.
func putInt[T int | int8 | int16 | int32 | int64](ptr unsafe.Pointer, i int64) bool {
	if int64(T(i)) != i {
		return false
	}
	*(*T)(ptr) = T(i)
	return true
}

// putUint stores u at ptr as a T if T holds it exactly.
func putUint[T uint | uint8 | uint16 | uint32 | uint64 | uintptr](ptr unsafe.Pointer, u uint64) bool {
	if uint64(T(u)) != u {
		return false
	}
	*(*T)(ptr) = T(u)
	return true
}

// badScalar handles a value a number destination could not take: nil
// leaves the zero value, anything else is an error.
func (d *goDecoder) badScalar(p int, td *typeDec, ptr unsafe.Pointer) (int, error) {
	if p < len(d.src) && d.src[p] == tagNil {
		reflect.NewAt(td.t, ptr).Elem().SetZero()
		return p + 1, nil
	}
	if _, _, err := d.value(p); err != nil {
		return p, err
	}
	return p, d.typeErr(p, td)
}
