package serial

// The typed encoder: structs, and the slices, arrays and pointers that hold
// them, encoded through a plan built once per Go type and kept by the
// goEncoder (so by the Encoder, across Encode calls). A struct's plan holds
// each key already encoded, with the dictionary index resolved, and reads
// the fields at their offsets without reflection.

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"unsafe"
)

// encFn appends the encoding of the value of its type at p.
type encFn func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error)

// typeEnc is the plan of one type. fn is filled in after the plan is
// registered, so recursive types find their own (not yet finished) plan.
type typeEnc struct {
	fn encFn
}

// encField is a struct field with its key already encoded.
type encField struct {
	structField
	key  string
	enc  *typeEnc
	fast fastKind
}

// fastKind names the field types the struct loop writes itself, without
// calling the type's encoder.
type fastKind uint8

const (
	fastNone fastKind = iota
	fastString
	fastFloat64
	fastBool
	fastInt
)

func fastKindOf(t reflect.Type) fastKind {
	switch {
	case boxedType(t):
		return fastNone
	case t.Kind() == reflect.String:
		return fastString
	case t.Kind() == reflect.Float64:
		return fastFloat64
	case t.Kind() == reflect.Bool:
		return fastBool
	case t.Kind() == reflect.Int:
		return fastInt
	}
	return fastNone
}

var (
	typeInt64         = reflect.TypeFor[Int64]()
	typeUint64        = reflect.TypeFor[Uint64]()
	typeComplex       = reflect.TypeFor[Complex]()
	typeLightUserdata = reflect.TypeFor[LightUserdata]()
	typeMeta          = reflect.TypeFor[Meta]()
)

// boxedType reports the types of this package that the format knows by
// themselves; they go through value.
func boxedType(t reflect.Type) bool {
	switch t {
	case typeInt64, typeUint64, typeComplex, typeLightUserdata, typeMeta:
		return true
	}
	return false
}

// typeEncoder returns the plan for t, building it on first use.
func (e *goEncoder) typeEncoder(t reflect.Type) *typeEnc {
	if te, ok := e.plans[t]; ok {
		return te
	}
	if e.plans == nil {
		e.plans = map[reflect.Type]*typeEnc{}
	}
	te := &typeEnc{}
	e.plans[t] = te
	te.fn = e.buildEncoder(t)
	return te
}

// generic encodes the value at p through value, for types without a plan
// of their own.
func generic(t reflect.Type) encFn {
	return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
		return e.value(b, reflect.NewAt(t, p).Elem().Interface())
	}
}

func (e *goEncoder) buildEncoder(t reflect.Type) encFn {
	if boxedType(t) {
		return generic(t)
	}
	switch t.Kind() {
	case reflect.Bool:
		return func(_ *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			if *(*bool)(p) {
				return append(b, tagTrue), nil
			}
			return append(b, tagFalse), nil
		}
	case reflect.String:
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			s := *(*string)(p)
			if len(s) < 0xe0-tagStr {
				return appendShortStr(b, s), nil
			}
			return e.str(b, s)
		}
	case reflect.Float64:
		return numField[float64]
	case reflect.Float32:
		return numField[float32]
	case reflect.Int:
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return e.integer(b, int64(*(*int)(p)))
		}
	case reflect.Int64:
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return e.integer(b, *(*int64)(p))
		}
	case reflect.Int32:
		return numField[int32]
	case reflect.Int16:
		return numField[int16]
	case reflect.Int8:
		return numField[int8]
	case reflect.Uint, reflect.Uint64, reflect.Uintptr:
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return e.unsigned(b, reflect.NewAt(t, p).Elem().Uint())
		}
	case reflect.Uint32:
		return numField[uint32]
	case reflect.Uint16:
		return numField[uint16]
	case reflect.Uint8:
		return numField[uint8]
	case reflect.Complex128:
		return func(_ *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return appendComplex(b, *(*complex128)(p)), nil
		}
	case reflect.Complex64:
		return func(_ *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return appendComplex(b, complex128(*(*complex64)(p))), nil
		}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
				return e.value(b, *(*any)(p))
			}
		}
		return generic(t)
	case reflect.Map:
		if t == reflect.TypeFor[map[string]any]() {
			return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
				m := *(*map[string]any)(p)
				if m == nil {
					return append(b, tagNil), nil
				}
				return e.strMap(b, m)
			}
		}
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return e.reflectValue(b, reflect.NewAt(t, p).Elem())
		}
	case reflect.Pointer:
		elem := e.typeEncoder(t.Elem())
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				return append(b, tagNil), nil
			}
			// Counted like a table so that a pointer cycle ends in
			// the depth error instead of a stack overflow.
			if err := e.enter(); err != nil {
				return b, err
			}
			b, err := elem.fn(e, b, q)
			e.depth--
			return b, err
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
				s := *(*[]byte)(p)
				if s == nil {
					return append(b, tagNil), nil
				}
				return e.str(b, string(s))
			}
		}
		elem, size := e.typeEncoder(t.Elem()), t.Elem().Size()
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			h := (*[]byte)(p) // only its pointer and length are used
			if *h == nil {
				return append(b, tagNil), nil
			}
			return e.typedArray(b, unsafe.Pointer(unsafe.SliceData(*h)), len(*h), size, elem)
		}
	case reflect.Array:
		n, size := t.Len(), t.Elem().Size()
		if t.Elem().Kind() == reflect.Uint8 {
			return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
				return e.str(b, unsafe.String((*byte)(p), n))
			}
		}
		elem := e.typeEncoder(t.Elem())
		return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
			return e.typedArray(b, p, n, size, elem)
		}
	case reflect.Struct:
		return e.structEncoder(t)
	}
	return func(_ *goEncoder, b []byte, _ unsafe.Pointer) ([]byte, error) {
		return b, &EncodeError{Msg: fmt.Sprintf("cannot serialize Go type %s", t)}
	}
}

// typedArray writes n elements of the given size from base as a 1-based
// array, as array does for a []any.
func (e *goEncoder) typedArray(b []byte, base unsafe.Pointer, n int, size uintptr, elem *typeEnc) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	if n == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	b = appendU(append(b, tagTabArr1), uint32(n+1))
	var err error
	for i := range n {
		if b, err = elem.fn(e, b, unsafe.Add(base, uintptr(i)*size)); err != nil {
			return b, err
		}
	}
	e.depth--
	return b, nil
}

// structEncoder writes a struct as a hash table: one key per field that is
// present, in the order of structFields. Nil pointers, slices, maps and
// interfaces are absent (a Lua table cannot hold nil), and so are zero
// values of omitempty fields.
func (e *goEncoder) structEncoder(t reflect.Type) encFn {
	sfs := structFields(t)
	fields := make([]encField, len(sfs))
	for i, f := range sfs {
		var key []byte
		if idx := e.cfg.keys.lookup(f.name); idx >= 0 {
			key = appendU([]byte{tagDictStr}, uint32(idx))
		} else {
			key = appendStr(nil, f.name)
		}
		fields[i] = encField{structField: f, key: string(key), enc: e.typeEncoder(f.typ), fast: fastKindOf(f.typ)}
	}
	// With fewer than 0xe0 fields the count fits the one-byte prefix,
	// which is reserved and filled in afterwards.
	short := len(fields) < 0xe0
	return func(e *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
		if err := e.enter(); err != nil {
			return b, err
		}
		start := len(b)
		if short {
			b = append(b, tagTabHash, 0)
		}
		body := len(b)
		n := 0
		var err error
		for i := range fields {
			f := &fields[i]
			var fp unsafe.Pointer
			if f.direct {
				fp = unsafe.Add(p, f.offset)
			} else if fp = f.at(t, p, false); fp == nil {
				continue
			}
			if f.omitEmpty && reflect.NewAt(f.typ, fp).Elem().IsZero() {
				continue
			}
			mark := len(b)
			b = append(b, f.key...)
			// The commonest field types are written here, saving a call.
			switch f.fast {
			case fastString:
				if s := *(*string)(fp); len(s) < 0xe0-tagStr {
					b = appendShortStr(b, s)
					n++
					continue
				}
			case fastFloat64:
				b = appendNum(b, *(*float64)(fp))
				n++
				continue
			case fastBool:
				if *(*bool)(fp) {
					b = append(b, tagTrue)
				} else {
					b = append(b, tagFalse)
				}
				n++
				continue
			case fastInt:
				if x := *(*int)(fp); x == int(int32(x)) {
					b = appendNum(b, float64(x))
					n++
					continue
				}
			}
			if b, err = f.enc.fn(e, b, fp); err != nil {
				return b[:start], fieldEncodeError(f.name, err)
			}
			if len(b) == mark+len(f.key)+1 && b[len(b)-1] == tagNil {
				b = b[:mark] // a nil value: the key is absent
				continue
			}
			n++
		}
		e.depth--
		switch {
		case n == 0:
			return append(b[:start], tagTabEmpty), nil
		case short:
			b[start+1] = byte(n)
			return b, nil
		}
		head := appendU([]byte{tagTabHash}, uint32(n))
		return slices.Insert(b, body, head...), nil
	}
}

// fieldEncodeError names the field in an encoding error.
func fieldEncodeError(name string, err error) error {
	var ee *EncodeError
	if errors.As(err, &ee) {
		return &EncodeError{Msg: fmt.Sprintf("field %s: %s", name, ee.Msg)}
	}
	return fmt.Errorf("field %s: %w", name, err)
}

// typedValue encodes a struct, or a pointer, slice or array, met by
// value through reflection.
func (e *goEncoder) typedValue(b []byte, rv reflect.Value) ([]byte, error) {
	t := rv.Type()
	if t.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return append(b, tagNil), nil
		}
		return e.typeEncoder(t.Elem()).fn(e, b, rv.UnsafePointer())
	}
	if rv.CanAddr() {
		return e.typeEncoder(t).fn(e, b, rv.Addr().UnsafePointer())
	}
	if t.Kind() == reflect.Slice {
		if rv.IsNil() {
			return append(b, tagNil), nil
		}
		return e.typedArray(b, rv.UnsafePointer(), rv.Len(), t.Elem().Size(), e.typeEncoder(t.Elem()))
	}
	// A struct or array held in an interface is not addressable: copy it.
	cp := reflect.New(t)
	cp.Elem().Set(rv)
	return e.typeEncoder(t).fn(e, b, cp.UnsafePointer())
}

// numField writes a field of a numeric type that a double always holds
// exactly, so it needs no range check.
func numField[T float64 | float32 | int8 | int16 | int32 | uint8 | uint16 | uint32](_ *goEncoder, b []byte, p unsafe.Pointer) ([]byte, error) {
	return appendNum(b, float64(*(*T)(p))), nil
}
