package api

import "fmt"

// This file describes Luau's buffer library: 28 plain functions on the global
// table buffer, the members the reference luau registers (api_test.go asks
// it). Offsets are 0-based byte positions and every access is bounds-checked
// against the fixed length.

func luauEntries() []Func {
	b := Param{Name: "b", Type: TLBuf}
	offset := Param{Name: "offset", Type: TInteger, Doc: "0-based byte offset"}
	fs := []Func{
		{
			Name: "create", Params: []Param{{Name: "size", Type: TInteger, Doc: "length in bytes, at most 1 GiB"}},
			Results: []Param{{Type: TLBuf}},
			Doc:     "Creates a buffer of size bytes, all zero. The length is fixed for the life of the buffer.",
			Example: "local b = buffer.create(16)",
		},
		{
			Name: "fromstring", Params: []Param{{Name: "str", Type: TString}},
			Results: []Param{{Type: TLBuf}},
			Doc:     "Creates a buffer holding a copy of the bytes of str, with exactly #str bytes.",
			Example: "local b = buffer.fromstring(\"\\1\\2\\3\")",
		},
		{
			Name: "tostring", Params: []Param{b},
			Results: []Param{{Type: TString}},
			Doc:     "Returns all bytes of the buffer as a new string.",
			Example: "local s = buffer.tostring(b)",
		},
		{
			Name: "len", Params: []Param{b},
			Results: []Param{{Type: TInteger}},
			Doc:     "Returns the length of the buffer in bytes. The # operator does not work on buffers.",
			Example: "for i = 0, buffer.len(b) - 1 do total += buffer.readu8(b, i) end",
		},
		{
			Name: "copy",
			Params: []Param{
				{Name: "target", Type: TLBuf},
				{Name: "targetOffset", Type: TInteger, Doc: "where to write in target"},
				{Name: "source", Type: TLBuf},
				{Name: "sourceOffset", Type: TInteger, Optional: true, Doc: "where to read in source, default 0"},
				{Name: "count", Type: TInteger, Optional: true, Doc: "bytes to copy, default the rest of source"},
			},
			Doc:     "Copies count bytes from source into target. The ranges may overlap, even within one buffer.",
			Example: "buffer.copy(out, 4, payload)",
		},
		{
			Name: "fill",
			Params: []Param{
				b, offset,
				{Name: "value", Type: TInteger, Doc: "byte value; only the low 8 bits are used"},
				{Name: "count", Type: TInteger, Optional: true, Doc: "bytes to set, default up to the end"},
			},
			Doc:     "Sets count bytes starting at offset to the same byte value.",
			Example: "buffer.fill(b, 0, 0)",
		},
		{
			Name:    "readstring",
			Params:  []Param{b, offset, {Name: "count", Type: TInteger, Doc: "bytes to read"}},
			Results: []Param{{Type: TString}},
			Doc:     "Returns count bytes starting at offset as a string.",
			Example: "local name = buffer.readstring(b, 4, len)",
		},
		{
			Name: "writestring",
			Params: []Param{
				b, offset,
				{Name: "value", Type: TString, Doc: "bytes to write"},
				{Name: "count", Type: TInteger, Optional: true, Doc: "how many bytes of value, default all"},
			},
			Doc:     "Writes the bytes of value (or its first count bytes) starting at offset.",
			Example: "buffer.writestring(b, 0, \"PK\")",
		},
		{
			Name: "readbits",
			Params: []Param{
				b,
				{Name: "bitOffset", Type: TInteger, Doc: "0-based bit position; bit k is bit k%8 of byte k//8"},
				{Name: "bitCount", Type: TInteger, Doc: "0 to 32"},
			},
			Results: []Param{{Type: TInteger}},
			Doc:     "Reads bitCount bits starting at bitOffset, least significant bit first, as an unsigned number.",
			Example: "local flags = buffer.readbits(b, 3, 5)",
		},
		{
			Name: "writebits",
			Params: []Param{
				b,
				{Name: "bitOffset", Type: TInteger, Doc: "0-based bit position"},
				{Name: "bitCount", Type: TInteger, Doc: "0 to 32"},
				{Name: "value", Type: TInteger, Doc: "only its low bitCount bits are written"},
			},
			Doc:     "Writes the low bitCount bits of value starting at bitOffset and leaves every other bit as it was.",
			Example: "buffer.writebits(b, 3, 5, flags)",
		},
		{
			Name: "readinteger", Params: []Param{b, offset},
			Results:      []Param{{Type: TInt64}},
			Experimental: "LuauIntegerLibrary",
			Doc: "Reads 8 bytes at offset as a little-endian signed 64-bit integer and returns it as a Luau integer " +
				"value (typeof \"integer\"), not a number: every 64-bit value is exact.",
			Example: "local id = buffer.readinteger(b, 0)",
		},
		{
			Name: "writeinteger",
			Params: []Param{b, offset,
				{Name: "value", Type: TInt64, Doc: "a Luau integer value; a number raises 'integer expected, got number'"}},
			Experimental: "LuauIntegerLibrary",
			Doc:          "Writes a Luau integer value as 8 little-endian bytes at offset.",
			Example:      "buffer.writeinteger(b, 0, integer.create(42))",
		},
	}
	for _, w := range []struct {
		suffix string
		acc    Access
	}{
		{"i8", Access{Width: 1, Signed: true}}, {"u8", Access{Width: 1}},
		{"i16", Access{Width: 2, Signed: true}}, {"u16", Access{Width: 2}},
		{"i32", Access{Width: 4, Signed: true}}, {"u32", Access{Width: 4}},
		{"f32", Access{Width: 4, Float: true}}, {"f64", Access{Width: 8, Float: true}},
	} {
		desc := numberDesc(w.acc)
		read := w.acc
		fs = append(fs, Func{
			Name: "read" + w.suffix, Params: []Param{b, offset},
			Results: []Param{{Type: TNumber}},
			Access:  &read,
			Doc:     fmt.Sprintf("Reads %s at offset and returns it as a number.", desc),
			Example: fmt.Sprintf("local v = buffer.read%s(b, 0)", w.suffix),
		})
		write := w.acc
		write.Write = true
		fs = append(fs, Func{
			Name:    "write" + w.suffix,
			Params:  []Param{b, offset, {Name: "value", Type: TNumber, Doc: valueDoc(w.acc)}},
			Access:  &write,
			Doc:     fmt.Sprintf("Writes value as %s at offset.", desc),
			Example: fmt.Sprintf("buffer.write%s(b, 0, v)", w.suffix),
		})
	}
	for i := range fs {
		fs[i].Owner = Luau
	}
	return fs
}

func numberDesc(a Access) string {
	bits := a.Width * 8
	switch {
	case a.Float:
		return fmt.Sprintf("a little-endian %d-bit IEEE float", bits)
	case a.Signed && bits == 8:
		return "a signed byte"
	case a.Signed:
		return fmt.Sprintf("a little-endian %d-bit signed integer", bits)
	case bits == 8:
		return "an unsigned byte"
	}
	return fmt.Sprintf("a little-endian %d-bit unsigned integer", bits)
}

func valueDoc(a Access) string {
	if a.Float {
		return "stored with rounding to the float's precision"
	}
	return fmt.Sprintf("integer; only the low %d bits are kept", a.Width*8)
}
