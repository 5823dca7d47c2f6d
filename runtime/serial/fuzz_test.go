package serial

import (
	"bytes"
	"errors"
	"math"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// fuzzSeeds are valid and broken encodings covering every tag.
var fuzzSeeds = []string{
	"00", "01", "02", "03", "0478563412", "050100000000000001", "06ffffffff", "07000000000000f03f",
	"08", "09012161 02", "0a02 02 01", "0b020102 01 2178 02", "0c04 02 00 01", "0d030102 01 2178 02",
	"0e00 0c02 02", "0f00", "0f01", "10ffffffffffffffff", "110500000000000000",
	"12000000000000f03f0000000000000040", "13", "2161", "e00041", "ff2100000061", "0cff00000008",
	"0aff02000008", "09ff01000004", "0902216102216102", "0901 00 02", "0901 07000000000000f8ff 02",
	"0901 0901 08 02 02", "0101", "0c02 0c02 0c02 08", "0e05 08", "0e00 07",
}

// fuzzDict and fuzzMetatables are the options the Lua decoder runs with, so
// that dictionary tags are reachable.
const fuzzOptions = `return {"a", "bb", false, "key"}, {{}, false, {}}`

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(mustHex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Go API.
		v, err := Unmarshal(data, WithDict("a", "bb", "", "key"))
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || de.Offset < 0 || de.Offset > len(data) {
				t.Fatalf("error %v has no valid offset", err)
			}
		} else {
			b, err := Append(nil, v, WithDict("a", "bb", "", "key"))
			if err != nil {
				t.Fatalf("decoded %#v but cannot encode it: %v", v, err)
			}
			w, err := Unmarshal(b, WithDict("a", "bb", "", "key"))
			if err != nil || !sameGo(v, w) {
				t.Fatalf("round trip: %#v -> %x -> %#v, %v", v, b, w, err)
			}
		}

		// WithFloat64Slices changes only the type of number arrays, never
		// the outcome.
		fv, ferr := Unmarshal(data, WithDict("a", "bb", "", "key"), WithFloat64Slices())
		if (err == nil) != (ferr == nil) || err != nil && err.Error() != ferr.Error() {
			t.Fatalf("WithFloat64Slices changed the error: %v / %v", err, ferr)
		}
		if err == nil && (!sameGo(v, widenFloats(fv)) || !sameTypes(widenFloats(fv), v) || numberList(fv)) {
			t.Fatalf("WithFloat64Slices: %#v, without: %#v", fv, v)
		}

		// Lua API.
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		if err := L.DoString(fuzzOptions); err != nil {
			t.Fatal(err)
		}
		opts, err := NewOptions(L, L.Get(-2).(*lua.LTable), L.Get(-1).(*lua.LTable))
		if err != nil {
			t.Fatal(err)
		}
		lv, n, err := DecodeLua(L, data, opts)
		sv, sn, serr := DecodeLuaString(L, string(data), opts)
		if (err == nil) != (serr == nil) || n != sn || err != nil && err.Error() != serr.Error() ||
			err == nil && dumpLua(lv, opts) != dumpLua(sv, opts) {
			t.Fatalf("DecodeLua and DecodeLuaString disagree: %v, %d, %v / %v, %d, %v", lv, n, err, sv, sn, serr)
		}
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || de.Offset < 0 || de.Offset > len(data) {
				t.Fatalf("error %v has no valid offset", err)
			}
			return
		}
		if n < 1 || n > len(data) {
			t.Fatalf("consumed %d of %d bytes", n, len(data))
		}
		b, err := AppendLua(nil, lv, opts)
		if err != nil {
			t.Fatalf("decoded but cannot re-encode: %v", err)
		}
		lw, _, err := DecodeLua(L, b, opts)
		if err != nil || dumpLua(lv, opts) != dumpLua(lw, opts) {
			t.Fatalf("re-encoding %x does not decode to the same value: %v", b, err)
		}
	})
}

// FuzzRoundTrip builds a Go value from the fuzz input, encodes it, and
// checks that both decoders give it back.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x07\x01\x02\x03\x04\x05\x06\x07\x08"))
	f.Add([]byte("\x05\x02\x03hello\x00\x06\x09\x09\x09\x09\x09\x09\x09\x09\x01"))
	f.Add([]byte("\x06\x06\x06\x06\x05\x04\x03\x02\x01\x00\x07\xff\xff\xff\xff\xff\xff\xf8\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := &byteSource{data: data}
		v := b.value(0)
		enc, err := Marshal(v)
		if err != nil {
			t.Fatalf("Marshal(%#v): %v", v, err)
		}
		got, err := Unmarshal(enc)
		if err != nil {
			t.Fatalf("Unmarshal(%x): %v", enc, err)
		}
		if !sameGo(canonicalGo(v), got) {
			t.Fatalf("round trip changed the value:\n %#v\n %#v", v, got)
		}
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		lv, n, err := DecodeLua(L, enc, nil)
		if err != nil || n != len(enc) {
			t.Fatalf("DecodeLua(%x): %v (n=%d)", enc, err, n)
		}
		again, err := AppendLua(nil, lv, nil)
		if err != nil {
			t.Fatalf("AppendLua: %v", err)
		}
		back, err := Unmarshal(again)
		if err != nil || !sameGo(got, back) {
			t.Fatalf("through Lua: %#v became %#v (%v)", got, back, err)
		}
	})
}

// canonicalGo applies the decoder's NaN rule to numbers, so that a value
// can be compared with its decoding.
func canonicalGo(v any) any {
	switch x := v.(type) {
	case float64:
		return math.Float64frombits(canonicalNaN(math.Float64bits(x)))
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = canonicalGo(e)
		}
		return out
	case map[any]any:
		out := map[any]any{}
		for k, e := range x {
			out[k] = canonicalGo(e)
		}
		return out
	}
	return v
}

// byteSource turns fuzz bytes into a Go value, one decision per byte.
type byteSource struct {
	data []byte
	pos  int
}

func (b *byteSource) next() byte {
	if b.pos >= len(b.data) {
		return 0
	}
	c := b.data[b.pos]
	b.pos++
	return c
}

func (b *byteSource) u64() uint64 {
	var u uint64
	for i := range 8 {
		u |= uint64(b.next()) << (8 * i)
	}
	return u
}

func (b *byteSource) value(depth int) any {
	c := b.next()
	if depth > 20 {
		c %= 5
	}
	switch c % 10 {
	case 0:
		return nil
	case 1:
		return c&0x10 != 0
	case 2:
		return math.Float64frombits(b.u64())
	case 3:
		n := int(b.next())
		if b.next()&1 == 1 {
			n *= 37 // long strings cross the two-byte length prefix
		}
		s := make([]byte, n)
		for i := range s {
			s[i] = b.next()
		}
		return string(s)
	case 4:
		switch b.next() % 4 {
		case 0:
			return Int64(b.u64())
		case 1:
			return Uint64(b.u64())
		case 2:
			return Complex(complex(math.Float64frombits(b.u64()), math.Float64frombits(b.u64())))
		default:
			return LightUserdata(b.u64())
		}
	case 5, 6:
		xs := make([]any, b.next()%8)
		for i := range xs {
			xs[i] = b.value(depth + 1)
		}
		return xs
	default:
		m := map[any]any{}
		for range b.next() % 8 {
			var k any
			switch b.next() % 3 {
			case 0:
				k = float64(b.next() % 10)
			case 1:
				k = string([]byte{'k', b.next()})
			default:
				k = Int64(b.next())
			}
			m[k] = b.value(depth + 1)
		}
		return m
	}
}

// fuzzRec has a field of each kind DecodeInto handles; its keys are short
// (and some in the fuzz dictionary) so that the fuzzer finds them.
type fuzzRec struct {
	recBase
	A int       `lua:"a"`
	B string    `lua:"bb"`
	C []float64 `lua:"key"`
	D *fuzzRec  `lua:"d"`
	E map[string]int8
	F [2]bool
	G any
	H []byte
	I uint16
	J Int64
	K []fuzzRec
	L float32
}

func FuzzDecodeInto(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(mustHex(f, s))
	}
	dict := WithDict("a", "bb", "", "key")
	for _, v := range []fuzzRec{
		{A: 1, B: "x", C: []float64{1, 2}, D: &fuzzRec{A: 2}, E: map[string]int8{"k": -1}, F: [2]bool{true},
			G: "g", H: []byte("h"), I: 9, J: -5, K: []fuzzRec{{B: "k"}}, L: 0.5},
		{recBase: recBase{ID: 3, Kind: "z"}},
	} {
		b, err := Append(nil, v, dict)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v fuzzRec
		err := UnmarshalInto(data, &v, dict)
		_, gerr := Unmarshal(data, dict)
		if err != nil {
			var de *DecodeError
			var te *TypeError
			switch {
			case errors.As(err, &te):
				if te.Offset < 0 || te.Offset > len(data) || te.Expected == "" || te.Found == "" {
					t.Fatalf("type error without a place or a text: %#v", te)
				}
			case errors.As(err, &de):
				if de.Offset < 0 || de.Offset > len(data) {
					t.Fatalf("error %v has no valid offset", err)
				}
			default:
				t.Fatalf("error of an unexpected kind: %v", err)
			}
			return
		}
		if gerr != nil {
			t.Fatalf("UnmarshalInto took what Unmarshal rejects (%v): %+v", gerr, v)
		}
		// What was decoded encodes, and decodes to a value that encodes
		// to the same bytes.
		b, err := Append(nil, &v, dict, WithSortedKeys())
		if err != nil {
			t.Fatalf("decoded %+v but cannot encode it: %v", v, err)
		}
		var w fuzzRec
		if err := UnmarshalInto(b, &w, dict); err != nil {
			t.Fatalf("decoding our own encoding %x: %v", b, err)
		}
		if c, err := Append(nil, &w, dict, WithSortedKeys()); err != nil || !bytes.Equal(b, c) {
			t.Fatalf("round trip: %x then %x (%v)", b, c, err)
		}
	})
}
