package serial

import (
	"io"
	"math"
	"reflect"
	"strings"
	"unsafe"
)

// Unmarshal decodes exactly one object from data. Bytes after the object
// are an error ("left-over data in buffer"), as in LuaJIT's buffer.decode.
func Unmarshal(data []byte, opts ...Option) (any, error) {
	// The decoder reads data in place and copies it into a string only
	// when it meets the first string to return (then once, whole, so that
	// every decoded string is a substring of the copy). Input without
	// strings, such as arrays of numbers, is never copied. Nothing returned
	// refers to data, which the caller may change afterwards.
	if len(data) == 0 {
		return UnmarshalString("", opts...)
	}
	d := newDecoder(unsafe.String(&data[0], len(data)), opts)
	d.dec.borrowed = true
	return d.decodeOne()
}

// UnmarshalString is Unmarshal for input that is already a string. It
// copies nothing: decoded strings share the memory of s.
func UnmarshalString(s string, opts ...Option) (any, error) {
	return newDecoder(s, opts).decodeOne()
}

// decodeOne decodes the whole input as one object.
func (d *Decoder) decodeOne() (any, error) {
	v, err := d.Decode()
	if err == io.EOF {
		return nil, goDecodeError(errAt(0, msgUnexpectedEnd))
	}
	if err != nil {
		return nil, err
	}
	if d.pos != len(d.src) {
		return nil, goDecodeError(errAt(d.pos, msgLeftOver))
	}
	return v, nil
}

// Decoder decodes a stream of concatenated encodings, one object per
// Decode call, like buf:decode() on a string.buffer. It is not safe for
// concurrent use.
type Decoder struct {
	// src holds a private copy of the input as a string, so that decoded
	// strings are substrings of it and cost no allocation each.
	src string
	pos int
	dec goDecoder
}

// NewDecoder returns a Decoder over a copy of data.
func NewDecoder(data []byte, opts ...Option) *Decoder {
	return newDecoder(string(data), opts)
}

func newDecoder(s string, opts []Option) *Decoder {
	cfg := newConfig(opts)
	return &Decoder{src: s, dec: goDecoder{dict: cfg.dict, floats: cfg.floats, strict: cfg.strict, box: newBoxer()}}
}

// Decode returns the next object. It returns io.EOF when the input is used
// up. On any other error nothing is consumed, and the error names the byte
// offset (from the start of the input) where the bad item starts.
func (d *Decoder) Decode() (any, error) {
	if d.pos == len(d.src) {
		return nil, io.EOF
	}
	d.dec.src = d.src
	d.dec.depth = 0
	v, p, err := d.dec.value(d.pos)
	if err != nil {
		return nil, goDecodeError(err)
	}
	d.pos = p
	return v, nil
}

// Reset makes the Decoder read a copy of data from its start, keeping its
// options and the plans it has built for Go types (see DecodeInto).
func (d *Decoder) Reset(data []byte) {
	d.src, d.pos = string(data), 0
	d.dec.own, d.dec.borrowed = "", false
}

// Offset returns the number of bytes consumed so far.
func (d *Decoder) Offset() int { return d.pos }

// Remaining returns the number of bytes not yet decoded.
func (d *Decoder) Remaining() int { return len(d.src) - d.pos }

type goDecoder struct {
	src string
	// borrowed means that src is the caller's []byte seen as a string
	// (Unmarshal): decoded strings must then come from own, a copy of src
	// made on first use.
	borrowed bool
	own      string
	dict     []string
	floats   bool // WithFloat64Slices
	strict   bool // WithUnknownKeysError
	depth    int
	// plans holds the decoding plan of each Go type met by DecodeInto.
	plans map[reflect.Type]*typeDec
	box   boxer
}

// substr returns src[i:j] as a string that does not share memory with the
// caller's input.
func (d *goDecoder) substr(i, j int) string {
	if !d.borrowed {
		return d.src[i:j]
	}
	if d.own == "" {
		d.own = strings.Clone(d.src)
	}
	return d.own[i:j]
}

func (d *goDecoder) readU(p int) (uint32, int, bool) { return readU(d.src, p) }

func (d *goDecoder) u64(p int) (uint64, bool) {
	if len(d.src)-p < 8 {
		return 0, false
	}
	return le64(d.src, p), true
}

// value decodes the object at p and returns it with the position after it.
func (d *goDecoder) value(p int) (any, int, error) {
	start := p
	tag, p, ok := d.readU(p)
	if !ok {
		return nil, start, errAt(start, msgUnexpectedEnd)
	}
	if tag >= tagStr {
		n := int(tag - tagStr)
		if n > len(d.src)-p {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		return d.box.str(d.substr(p, p+n)), p + n, nil
	}
	switch tag {
	case tagNum:
		bits, ok := d.u64(p)
		if !ok {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		return d.box.num(math.Float64frombits(canonicalNaN(bits))), p + 8, nil
	case tagNil:
		return nil, p, nil
	case tagFalse:
		return false, p, nil
	case tagTrue:
		return true, p, nil
	case tagNull:
		return LightUserdata(0), p, nil
	case tagLightUD32, tagInt:
		if len(d.src)-p < 4 {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		u := le32(d.src, p)
		if tag == tagInt {
			return d.box.num(float64(int32(u))), p + 4, nil
		}
		return LightUserdata(u), p + 4, nil
	case tagLightUD64:
		u, ok := d.u64(p)
		if !ok {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		return LightUserdata(u), p + 8, nil
	case tagDictStr:
		idx, np, ok := d.readU(p)
		if !ok {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		if uint64(idx) >= uint64(len(d.dict)) {
			return nil, start, errDictIndex(start, idx)
		}
		return d.box.str(d.dict[idx]), np, nil
	case tagInt64, tagUint64:
		u, ok := d.u64(p)
		if !ok {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		if tag == tagInt64 {
			return Int64(u), p + 8, nil
		}
		return Uint64(u), p + 8, nil
	case tagComplex:
		re, ok1 := d.u64(p)
		im, ok2 := d.u64(p + 8)
		if !ok1 || !ok2 {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		return Complex(complex(math.Float64frombits(re), math.Float64frombits(im))), p + 16, nil
	}
	if tag >= tagTabEmpty && tag <= tagTabMeta {
		return d.table(start, p, tag)
	}
	return nil, start, errBadTag(start, tag)
}

// table decodes a table whose tag (0x08..0x0e) at start has been read; p
// is the position after the tag.
func (d *goDecoder) table(start, p int, tag uint32) (any, int, error) {
	d.depth++
	if d.depth > maxDepth {
		return nil, start, errAt(start, msgTooDeep)
	}
	meta := -1
	if tag == tagTabMeta {
		idx, np, ok := d.readU(p)
		if !ok {
			return nil, start, errAt(start, msgUnexpectedEnd)
		}
		meta = int(idx)
		tagPos := np
		tag, p, ok = d.readU(np)
		if !ok {
			return nil, start, errAt(tagPos, msgUnexpectedEnd)
		}
		if tag < tagTabEmpty || tag > tagTabMix1 {
			return nil, start, errBadTag(tagPos, tag)
		}
	}
	narray, nhash, p, cerr := readTableCounts(d.src, tag, p, start)
	if cerr != nil {
		return nil, start, cerr
	}
	first := uint32(0)
	if tag >= tagTabArr1 {
		first = 1
	}
	var na uint32
	if narray > first {
		na = narray - first
	}
	// Every element needs at least one byte, and every pair two, so no
	// count larger than what is left can be honest; clamp what we allocate
	// and let the element reads report the truncation.
	left := uint32(len(d.src) - p)
	var (
		v   any
		err error
	)
	switch {
	case nhash == 0 && first == 1 && na > 0:
		v, p, err = d.list(p, int(na), left)
	case na == 0 && nhash == 0:
		v = map[string]any{}
	default:
		v, p, err = d.mixed(p, first, na, nhash, left)
	}
	if err != nil {
		return nil, start, err
	}
	d.depth--
	if meta >= 0 {
		return Meta{Index: meta + 1, Value: v}, p, nil
	}
	return v, p, nil
}

// list decodes the n elements of a 1-based array into []any, or into
// []float64 when WithFloat64Slices is set and they are all numbers.
func (d *goDecoder) list(p, n int, left uint32) (any, int, error) {
	var fs []float64
	if d.floats {
		var np int
		if fs, np = d.floatList(p, n, left); len(fs) == n {
			return d.box.floats(fs), np, nil
		}
		p = np
	}
	// Not all numbers (or no WithFloat64Slices): box the ones read so
	// far and go on with the general path, which also reports any broken
	// element.
	xs := d.box.elems(int(min(uint32(n), left)))
	for _, f := range fs {
		xs = append(xs, d.box.num(f))
	}
	for range n - len(xs) {
		v, np, err := d.value(p)
		if err != nil {
			return nil, p, err
		}
		xs = append(xs, v)
		p = np
	}
	return d.box.list(xs), p, nil
}

// floatList reads numbers at p, up to n of them, and stops at the first
// item that is not a complete number. It returns them with the position
// after the last one.
func (d *goDecoder) floatList(p, n int, left uint32) ([]float64, int) {
	src := d.src
	if p >= len(src) || (src[p] != tagNum && src[p] != tagInt) {
		return nil, p
	}
	// A number takes at least five bytes.
	fs := make([]float64, 0, min(uint32(n), left/5+1))
	for len(fs) < n && p < len(src) {
		switch src[p] {
		case tagNum:
			if len(src)-p < 9 {
				return fs, p
			}
			fs = append(fs, math.Float64frombits(canonicalNaN(le64(src, p+1))))
			p += 9
			continue
		case tagInt:
			if len(src)-p < 5 {
				return fs, p
			}
			fs = append(fs, float64(int32(le32(src, p+1))))
			p += 5
			continue
		}
		break
	}
	return fs, p
}

// mixed decodes tables that do not fit a plain list. Tables whose keys are
// all strings become map[string]any; all others map[any]any with float64
// number keys.
func (d *goDecoder) mixed(p int, first, na, nhash, left uint32) (any, int, error) {
	var (
		sm map[string]any
		am map[any]any
	)
	if na == 0 {
		sm = make(map[string]any, min(nhash, left/2))
	} else {
		am = make(map[any]any, min(na+nhash, left))
		for i := range na {
			v, np, err := d.value(p)
			if err != nil {
				return nil, p, err
			}
			p = np
			if v != nil {
				am[float64(first+i)] = v
			}
		}
	}
	for range nhash {
		kpos := p
		if sm != nil {
			// Most keys are strings: read them without boxing.
			if ks, np, ok := d.strKey(p); ok {
				p = np
				// The map holds no nil values, so a key is a duplicate
				// exactly when the assignment does not grow the map: one
				// hash of the key instead of a lookup and an assignment.
				// A duplicate is reported before anything wrong in its
				// value, as the general path does.
				v, np, err := d.value(p)
				if err != nil || v == nil {
					if _, dup := sm[ks]; dup {
						return nil, p, errAt(kpos, msgDuplicateKey)
					}
					if err != nil {
						return nil, p, err
					}
					p = np
					continue
				}
				p = np
				n := len(sm)
				if sm[ks] = v; len(sm) == n {
					return nil, p, errAt(kpos, msgDuplicateKey)
				}
				continue
			}
		}
		k, np, err := d.value(p)
		if err != nil {
			return nil, p, err
		}
		p = np
		if ks, ok := k.(string); ok && sm != nil {
			if old, dup := sm[ks]; dup && old != nil {
				return nil, p, errAt(kpos, msgDuplicateKey)
			}
			v, np, err := d.value(p)
			if err != nil {
				return nil, p, err
			}
			p = np
			if v != nil {
				sm[ks] = v
			}
			continue
		}
		switch x := k.(type) {
		case nil:
			return nil, p, errAt(kpos, msgIndexNil)
		case float64:
			if x != x {
				return nil, p, errAt(kpos, msgIndexNaN)
			}
			if x == 0 {
				k = float64(0)
			}
		case []any, map[string]any, map[any]any, Meta:
			return nil, p, errAt(kpos, "cannot decode a table used as a table key into a Go map")
		}
		if am == nil {
			am = make(map[any]any, len(sm)+int(min(nhash, left/2)))
			for ks, v := range sm {
				am[ks] = v
			}
			sm = nil
		}
		if old, dup := am[k]; dup && old != nil {
			return nil, p, errAt(kpos, msgDuplicateKey)
		}
		v, np, err := d.value(p)
		if err != nil {
			return nil, p, err
		}
		p = np
		if v != nil {
			am[k] = v
		}
	}
	if am != nil {
		if len(am) == 0 {
			// Every empty table decodes to the same Go value, whatever
			// its encoded shape.
			return map[string]any{}, p, nil
		}
		return am, p, nil
	}
	return sm, p, nil
}

// strKey reads a string or dictionary string at p. ok is false for any
// other item, and for broken ones, which the general path then reports.
func (d *goDecoder) strKey(p int) (s string, next int, ok bool) {
	tag, np, ok := d.readU(p)
	if !ok {
		return "", p, false
	}
	if tag >= tagStr {
		n := int(tag - tagStr)
		if n > len(d.src)-np {
			return "", p, false
		}
		return d.substr(np, np+n), np + n, true
	}
	if tag == tagDictStr {
		idx, np, ok := d.readU(np)
		if ok && uint64(idx) < uint64(len(d.dict)) {
			return d.dict[idx], np, true
		}
	}
	return "", p, false
}
