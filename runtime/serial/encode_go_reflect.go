package serial

// The reflection fallback of the Go encoder, for types without a fast path.

import (
	"fmt"
	"reflect"
)

// reflectValue handles the types the fast paths do not: typed slices,
// arrays, maps and pointers to them.
func (e *goEncoder) reflectValue(b []byte, rv reflect.Value) ([]byte, error) {
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return append(b, tagNil), nil
		}
		if rv.Kind() == reflect.Pointer && rv.Type().Elem().Kind() == reflect.Struct {
			return e.typedValue(b, rv)
		}
		return e.value(b, rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return append(b, tagNil), nil
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			if rv.Kind() == reflect.Array {
				return e.typedValue(b, rv)
			}
			return e.str(b, string(rv.Bytes()))
		}
		// Typed slices and arrays (of structs, numbers, ...) go through
		// the type's plan, which reads the elements in place.
		return e.typedValue(b, rv)
	case reflect.Struct:
		return e.typedValue(b, rv)
	case reflect.Map:
		if rv.IsNil() {
			return append(b, tagNil), nil
		}
		m := make(map[any]any, rv.Len())
		it := rv.MapRange()
		for it.Next() {
			k := it.Key().Interface()
			if kk, ok := normalizeKey(k); ok {
				k = kk
			}
			m[k] = it.Value().Interface()
		}
		return e.anyMap(b, m)
	case reflect.Bool:
		return e.value(b, rv.Bool())
	case reflect.String:
		return e.str(b, rv.String())
	case reflect.Float32, reflect.Float64:
		return appendNum(b, rv.Float()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return e.integer(b, rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return e.unsigned(b, rv.Uint())
	case reflect.Invalid:
		return append(b, tagNil), nil
	}
	return b, &EncodeError{Msg: fmt.Sprintf("cannot serialize Go type %s", rv.Type())}
}

// normalizeKey turns Go number keys into float64 so that typed maps such as
// map[int]string get an array part like the equivalent Lua table.
func normalizeKey(k any) (any, bool) {
	rv := reflect.ValueOf(k)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f := float64(rv.Int())
		if int64(f) == rv.Int() {
			return f, true
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		f := float64(rv.Uint())
		if f < 0x1p64 && uint64(f) == rv.Uint() {
			return f, true
		}
	case reflect.Float32:
		return rv.Float(), true
	case reflect.String:
		return rv.String(), true
	}
	return nil, false
}
