package serial

import (
	"fmt"
	"io"
	"math"
	"reflect"
)

// maxStrLen is the longest string LuaJIT can hold; longer ones could not be
// decoded there.
const maxStrLen = 0x7fffff00

// Encoder writes encodings of Go values to an io.Writer, one object per
// Encode call, so that the stream can be decoded one object at a time. It
// reuses one buffer between calls and is not safe for concurrent use.
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

// Append appends the encoding of v to dst, with the Encoder's options and
// the plans it keeps for struct types, without writing anything. On error
// dst is returned unchanged (same length).
func (e *Encoder) Append(dst []byte, v any) ([]byte, error) {
	return e.enc.append(dst, v)
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
	// plans holds the typed encoder of each Go type met so far (structs
	// and what contains them), built with cfg's dictionary.
	plans map[reflect.Type]*typeEnc
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
		return appendShortStr(b, s), nil
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
	case []float64:
		if x == nil {
			return append(b, tagNil), nil
		}
		return e.floatArray(b, x)
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
	if i := e.cfg.keys.lookup(s); i >= 0 {
		return appendU(append(b, tagDictStr), uint32(i)), nil
	}
	if len(s) < 0xe0-tagStr {
		return appendShortStr(b, s), nil
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
