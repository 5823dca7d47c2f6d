package buffer

import (
	"testing"

	lua "github.com/yuin/gopher-lua"
)

var benchPiece = []byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")

// BenchmarkWrite appends 64-byte pieces; after warm-up the consumed space
// is recycled, so steady state should not allocate.
func BenchmarkWrite(b *testing.B) {
	var buf Buffer
	b.ReportAllocs()
	b.SetBytes(int64(len(benchPiece)))
	for i := 0; i < b.N; i++ {
		buf.Write(benchPiece)
		if buf.Len() >= 1<<20 {
			buf.Skip(buf.Len())
		}
	}
}

// BenchmarkNext reads 64-byte pieces without copying them.
func BenchmarkNext(b *testing.B) {
	var buf Buffer
	b.ReportAllocs()
	b.SetBytes(int64(len(benchPiece)))
	for i := 0; i < b.N; i++ {
		if buf.Len() < len(benchPiece) {
			for j := 0; j < 1024; j++ {
				buf.Write(benchPiece)
			}
		}
		buf.Next(len(benchPiece))
	}
}

// BenchmarkSlice takes a view (no copy of the bytes) and BenchmarkClone a
// copy of a 64 KiB buffer, for comparison.
func BenchmarkSlice(b *testing.B) {
	buf := New(1 << 16)
	buf.SetLen(1 << 16)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := buf.Slice(100, 60000); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClone(b *testing.B) {
	buf := New(1 << 16)
	buf.SetLen(1 << 16)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf.Clone()
	}
}

// BenchmarkLuaPutGet measures the Lua method path: one put and one get of
// a 64-byte string per iteration.
func BenchmarkLuaPutGet(b *testing.B) {
	L := lua.NewState()
	defer L.Close()
	Preload(L)
	if err := L.DoString(`
		local buffer = require("string.buffer")
		local b = buffer.new()
		local piece = string.rep("x", 64)
		step = function(n) for i = 1, n do b:put(piece); b:get(64) end end`); err != nil {
		b.Fatal(err)
	}
	step := L.GetGlobal("step")
	b.ReportAllocs()
	b.SetBytes(64)
	b.ResetTimer()
	if err := L.CallByParam(lua.P{Fn: step}, lua.LNumber(b.N)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLuaEncodeDecode measures the serializer through buf:encode and
// buf:decode on a small record.
func BenchmarkLuaEncodeDecode(b *testing.B) {
	L := lua.NewState()
	defer L.Close()
	Preload(L)
	if err := L.DoString(`
		local buffer = require("string.buffer")
		local b = buffer.new()
		local rec = { id = 42, name = "item", tags = { "a", "b", "c" }, price = 9.5 }
		step = function(n) for i = 1, n do b:encode(rec); b:decode() end end`); err != nil {
		b.Fatal(err)
	}
	step := L.GetGlobal("step")
	b.ReportAllocs()
	b.ResetTimer()
	if err := L.CallByParam(lua.P{Fn: step}, lua.LNumber(b.N)); err != nil {
		b.Fatal(err)
	}
}
