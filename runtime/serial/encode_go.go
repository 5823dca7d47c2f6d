package serial

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
)

// maxStrLen is the longest string LuaJIT can hold; longer ones could not be
// decoded there.
const maxStrLen = 0x7fffff00

// Encoder writes encodings of Go values to an io.Writer, one object per
// Encode call, so that the stream can be decoded one object at a time.
type Encoder struct {
	w   io.Writer
	enc goEncoder
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer, opts ...Option) *Encoder {
	return &Encoder{w: w, enc: goEncoder{cfg: newConfig(opts)}}
}

// Encode writes the encoding of v. Nothing is written when v cannot be
// encoded.
func (e *Encoder) Encode(v any) error {
	buf, err := e.enc.append(e.enc.buf[:0], v)
	if err != nil {
		return err
	}
	e.enc.buf = buf
	if _, err := e.w.Write(buf); err != nil {
		return fmt.Errorf("serial: write: %w", err)
	}
	return nil
}

// Marshal returns the encoding of v. See docs/serial.md for how Go types map
// to the format.
func Marshal(v any) ([]byte, error) {
	return Append(nil, v)
}

// Append appends the encoding of v to dst. On error dst is returned
// unchanged (same length).
func Append(dst []byte, v any, opts ...Option) ([]byte, error) {
	e := goEncoder{cfg: newConfig(opts)}
	return e.append(dst, v)
}

type goEncoder struct {
	cfg   config
	buf   []byte
	depth int
}

func (e *goEncoder) append(dst []byte, v any) ([]byte, error) {
	e.depth = 0
	out, err := e.value(dst, v)
	if err != nil {
		return dst, err
	}
	return out, nil
}

func (e *goEncoder) value(b []byte, v any) ([]byte, error) {
	// The commonest types first: each assertion is one comparison, cheaper
	// than the search of the big type switch below.
	if s, ok := v.(string); ok && len(s) < 0xe0-tagStr {
		return append(append(b, byte(tagStr+len(s))), s...), nil
	}
	if f, ok := v.(float64); ok {
		return appendNum(b, f), nil
	}
	if m, ok := v.(map[string]any); ok {
		return e.strMap(b, m)
	}
	switch x := v.(type) {
	case nil:
		return append(b, tagNil), nil
	case bool:
		if x {
			return append(b, tagTrue), nil
		}
		return append(b, tagFalse), nil
	case float64:
		return appendNum(b, x), nil
	case string:
		return e.str(b, x)
	case []any:
		return e.array(b, x)
	case map[string]any:
		return e.strMap(b, x)
	case map[any]any:
		return e.anyMap(b, x)
	case int:
		return e.integer(b, int64(x))
	case int64:
		return e.integer(b, x)
	case int32:
		return appendNum(b, float64(x)), nil
	case int16:
		return appendNum(b, float64(x)), nil
	case int8:
		return appendNum(b, float64(x)), nil
	case uint:
		return e.unsigned(b, uint64(x))
	case uint64:
		return e.unsigned(b, x)
	case uint32:
		return appendNum(b, float64(x)), nil
	case uint16:
		return appendNum(b, float64(x)), nil
	case uint8:
		return appendNum(b, float64(x)), nil
	case float32:
		return appendNum(b, float64(x)), nil
	case []byte:
		return e.str(b, string(x))
	case Int64:
		return appendU64(append(b, tagInt64), uint64(x)), nil
	case Uint64:
		return appendU64(append(b, tagUint64), uint64(x)), nil
	case Complex:
		return appendComplex(b, complex128(x)), nil
	case complex128:
		return appendComplex(b, x), nil
	case LightUserdata:
		return appendLightUD(b, uint64(x)), nil
	case Meta:
		return e.meta(b, x)
	case *Meta:
		if x == nil {
			return append(b, tagNil), nil
		}
		return e.meta(b, *x)
	}
	return e.reflectValue(b, reflect.ValueOf(v))
}

func appendNum(b []byte, f float64) []byte {
	return appendU64(append(b, tagNum), math.Float64bits(f))
}

func appendComplex(b []byte, c complex128) []byte {
	b = appendU64(append(b, tagComplex), math.Float64bits(real(c)))
	return appendU64(b, math.Float64bits(imag(c)))
}

func appendLightUD(b []byte, p uint64) []byte {
	switch {
	case p == 0:
		return append(b, tagNull)
	case p>>32 == 0:
		return append(b, tagLightUD32, byte(p), byte(p>>8), byte(p>>16), byte(p>>24))
	default:
		return appendU64(append(b, tagLightUD64), p)
	}
}

// integer writes a Go integer as a Lua number, which is a double: values
// that a double cannot hold exactly are refused rather than rounded.
func (e *goEncoder) integer(b []byte, i int64) ([]byte, error) {
	f := float64(i)
	if f >= 0x1p63 || int64(f) != i {
		return b, &EncodeError{Msg: fmt.Sprintf("integer %d is not exactly representable as a Lua number (use serial.Int64)", i)}
	}
	return appendNum(b, f), nil
}

func (e *goEncoder) unsigned(b []byte, u uint64) ([]byte, error) {
	f := float64(u)
	if f >= 0x1p64 || uint64(f) != u {
		return b, &EncodeError{Msg: fmt.Sprintf("integer %d is not exactly representable as a Lua number (use serial.Uint64)", u)}
	}
	return appendNum(b, f), nil
}

func (e *goEncoder) str(b []byte, s string) ([]byte, error) {
	if len(s) > maxStrLen {
		return b, &EncodeError{Msg: "string too long to serialize"}
	}
	return appendStr(b, s), nil
}

// strKey writes a string hash key, through the dictionary if it is there.
func (e *goEncoder) strKey(b []byte, s string) ([]byte, error) {
	if e.cfg.dict != nil {
		if i := e.cfg.lookup(s); i >= 0 {
			return appendU(append(b, tagDictStr), uint32(i)), nil
		}
	}
	if len(s) < 0xe0-tagStr {
		return append(append(b, byte(tagStr+len(s))), s...), nil
	}
	return e.str(b, s)
}

// key writes any hash key.
func (e *goEncoder) key(b []byte, k any) ([]byte, error) {
	if s, ok := k.(string); ok {
		return e.strKey(b, s)
	}
	switch x := k.(type) {
	case nil:
		return b, &EncodeError{Msg: msgIndexNil}
	case float64:
		if x != x {
			return b, &EncodeError{Msg: msgIndexNaN}
		}
	case float32:
		if x != x {
			return b, &EncodeError{Msg: msgIndexNaN}
		}
	}
	return e.value(b, k)
}

func (e *goEncoder) enter() error {
	e.depth++
	if e.depth > maxDepth {
		return &EncodeError{Msg: msgTooDeep}
	}
	return nil
}

func (e *goEncoder) meta(b []byte, m Meta) ([]byte, error) {
	if m.Index < 1 || int64(m.Index) > 1<<32 {
		return b, &EncodeError{Msg: fmt.Sprintf("metatable index %d out of range", m.Index)}
	}
	if !isTable(m.Value) {
		return b, &EncodeError{Msg: fmt.Sprintf("serial.Meta value must be a table (slice or map), got %T", m.Value)}
	}
	return e.value(appendU(append(b, tagTabMeta), uint32(m.Index-1)), m.Value)
}

func isTable(v any) bool {
	switch v.(type) {
	case []any, map[string]any, map[any]any:
		return true
	}
	k := reflect.ValueOf(v).Kind()
	return k == reflect.Slice || k == reflect.Array || k == reflect.Map
}

// array writes a slice as a 1-based array: Lua index i+1 holds x[i], and nil
// elements become holes.
func (e *goEncoder) array(b []byte, x []any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	if len(x) == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	b = appendU(append(b, tagTabArr1), uint32(len(x)+1))
	var err error
	for _, v := range x {
		// Arrays of numbers and short strings are common enough for a
		// fast path.
		if f, ok := v.(float64); ok {
			b = appendNum(b, f)
			continue
		}
		if s, ok := v.(string); ok && len(s) < 0xe0-tagStr {
			b = append(append(b, byte(tagStr+len(s))), s...)
			continue
		}
		if b, err = e.value(b, v); err != nil {
			return b, err
		}
	}
	e.depth--
	return b, nil
}

func (e *goEncoder) strMap(b []byte, m map[string]any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	if len(m) == 0 || len(m) >= 0xe0 || e.cfg.sortKeys {
		return e.strMapTwoPass(b, m)
	}
	// The count of non-nil values fits the one-byte prefix form, so reserve
	// that byte and fill it in afterwards: one pass over the map.
	start := len(b)
	b = append(b, tagTabHash, 0)
	n := 0
	var err error
	for k, v := range m {
		if v == nil {
			continue
		}
		n++
		if e.cfg.dict == nil && len(k) < 0xe0-tagStr {
			b = append(append(b, byte(tagStr+len(k))), k...)
		} else if b, err = e.strKey(b, k); err != nil {
			return b, err
		}
		// Inline the most common values; everything else goes through
		// value.
		switch x := v.(type) {
		case string:
			if len(x) < 0xe0-tagStr {
				b = append(append(b, byte(tagStr+len(x))), x...)
				continue
			}
		case float64:
			b = appendNum(b, x)
			continue
		case bool:
			if x {
				b = append(b, tagTrue)
			} else {
				b = append(b, tagFalse)
			}
			continue
		case []any:
			if b, err = e.array(b, x); err != nil {
				return b, err
			}
			continue
		}
		if b, err = e.value(b, v); err != nil {
			return b, err
		}
	}
	e.depth--
	if n == 0 {
		return append(b[:start], tagTabEmpty), nil
	}
	b[start+1] = byte(n)
	return b, nil
}

// strMapTwoPass counts the non-nil values first; it serves big maps, whose
// count may need a longer prefix, and sorted output.
func (e *goEncoder) strMapTwoPass(b []byte, m map[string]any) ([]byte, error) {
	n := 0
	for _, v := range m {
		if v != nil {
			n++
		}
	}
	if n == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	b = appendU(append(b, tagTabHash), uint32(n))
	var err error
	if e.cfg.sortKeys {
		keys := make([]string, 0, len(m))
		for k, v := range m {
			if v != nil {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			if b, err = e.strKey(b, k); err != nil {
				return b, err
			}
			if b, err = e.value(b, m[k]); err != nil {
				return b, err
			}
		}
	} else {
		for k, v := range m {
			if v == nil {
				continue
			}
			if b, err = e.strKey(b, k); err != nil {
				return b, err
			}
			if b, err = e.value(b, v); err != nil {
				return b, err
			}
		}
	}
	e.depth--
	return b, nil
}

// anyMap writes a map[any]any like LuaJIT writes a table of the same
// content: float64 keys 1..n (and 0) with non-nil values form the array part,
// everything else the hash part.
func (e *goEncoder) anyMap(b []byte, m map[any]any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	total := 0
	for _, v := range m {
		if v != nil {
			total++
		}
	}
	if total == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	n := 0
	for n < total {
		if v, ok := m[float64(n+1)]; !ok || v == nil {
			break
		}
		n++
	}
	v0, has0 := m[float64(0)]
	has0 = has0 && v0 != nil
	inArray := n
	if has0 {
		inArray++
	}
	nhash := total - inArray
	var tag byte = tagTabEmpty
	if nhash > 0 {
		tag |= 1
	}
	switch {
	case has0:
		tag += 2
	case n > 0:
		tag += 4
	}
	b = append(b, tag)
	if tag >= tagTabArr0 {
		b = appendU(b, uint32(n+1))
	}
	if nhash > 0 {
		b = appendU(b, uint32(nhash))
	}
	var err error
	if has0 {
		if b, err = e.value(b, v0); err != nil {
			return b, err
		}
	}
	for i := 1; i <= n; i++ {
		if b, err = e.value(b, m[float64(i)]); err != nil {
			return b, err
		}
	}
	if nhash > 0 {
		isArrayKey := func(k any) bool {
			f, ok := k.(float64)
			return ok && f == math.Trunc(f) && f <= float64(n) && (f >= 1 || (f == 0 && has0))
		}
		keys := make([]any, 0, nhash)
		for k, v := range m {
			if v != nil && !isArrayKey(k) {
				keys = append(keys, k)
			}
		}
		if e.cfg.sortKeys {
			slices.SortFunc(keys, compareKeys)
		}
		for _, k := range keys {
			if b, err = e.key(b, k); err != nil {
				return b, err
			}
			if b, err = e.value(b, m[k]); err != nil {
				return b, err
			}
		}
	}
	e.depth--
	return b, nil
}

// compareKeys orders map keys for WithSortedKeys: strings first, then
// numbers, then everything else by its printed form.
func compareKeys(a, b any) int {
	sa, aok := a.(string)
	sb, bok := b.(string)
	switch {
	case aok && bok:
		return strings.Compare(sa, sb)
	case aok:
		return -1
	case bok:
		return 1
	}
	fa, aok := a.(float64)
	fb, bok := b.(float64)
	switch {
	case aok && bok:
		if fa < fb {
			return -1
		} else if fa > fb {
			return 1
		}
		return 0
	case aok:
		return -1
	case bok:
		return 1
	}
	return strings.Compare(fmt.Sprintf("%T%v", a, a), fmt.Sprintf("%T%v", b, b))
}

// reflectValue handles the types the fast paths do not: typed slices,
// arrays, maps and pointers to them.
func (e *goEncoder) reflectValue(b []byte, rv reflect.Value) ([]byte, error) {
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return append(b, tagNil), nil
		}
		return e.value(b, rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return append(b, tagNil), nil
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return e.str(b, string(rv.Bytes()))
		}
		xs := make([]any, rv.Len())
		for i := range xs {
			xs[i] = rv.Index(i).Interface()
		}
		return e.array(b, xs)
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
