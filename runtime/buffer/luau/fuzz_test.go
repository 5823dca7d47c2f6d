package luau_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// fuzzFunctions is the order in which fuzz input bytes pick functions.
var fuzzFunctions = []string{
	"create", "fromstring", "tostring", "len", "copy", "fill",
	"readi8", "readu8", "readi16", "readu16", "readi32", "readu32", "readf32", "readf64",
	"writei8", "writeu8", "writei16", "writeu16", "writei32", "writeu32", "writef32", "writef64",
	"readstring", "writestring", "readbits", "writebits",
}

// FuzzLuauCalls calls library functions with arguments picked by the input
// and checks that no call panics in Go, that a failing call leaves every
// buffer unchanged, and that successful writes read back as written.
func FuzzLuauCalls(f *testing.F) {
	f.Add([]byte{8, 3, 19, 3, 0, 1, 2, 11, 2, 0, 1})
	f.Add([]byte{16, 5, 25, 4, 0, 3, 4, 9, 24, 3, 0, 3, 4})
	f.Add([]byte{4, 4, 4, 5, 0, 2, 1, 5, 6, 22, 3, 0, 7, 4})
	f.Add([]byte{0, 0, 0, 0, 255, 255, 255, 255, 1, 2, 3, 4, 5})
	f.Fuzz(fuzzOne)
}

func fuzzOne(t *testing.T, data []byte) {
	{
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		// A small cap keeps random create calls from allocating 1 GiB.
		luau.OpenWith(L, luau.Options{MaxSize: 1 << 12})
		lib := L.GetGlobal("buffer").(*lua.LTable)
		in := &fuzzInput{data: data}
		bufs := []*lua.LUserData{newBuffer(t, L, int(in.byte()%40)), newBuffer(t, L, int(in.byte()%9))}
		for steps := 0; steps < 64 && !in.done(); steps++ {
			name := fuzzFunctions[int(in.byte())%len(fuzzFunctions)]
			nargs := int(in.byte() % 6)
			args := make([]lua.LValue, nargs)
			for i := range args {
				args[i] = in.value(L, bufs)
			}
			before := snapshot(bufs)
			err := call(L, lib.RawGetString(name), args)
			var apiErr *lua.ApiError
			if errors.As(err, &apiErr) && apiErr.Type == lua.ApiErrorPanic {
				t.Fatalf("%s%v panicked: %v", name, args, err)
			}
			if err != nil {
				if !bytes.Equal(before, snapshot(bufs)) {
					t.Fatalf("%s%v failed (%v) but changed a buffer", name, args, err)
				}
				continue
			}
			checkReadBack(t, L, lib, name, args)
		}
	}
}

func newBuffer(t *testing.T, L *lua.LState, size int) *lua.LUserData {
	ud, err := luau.New(L, size)
	if err != nil {
		t.Fatal(err)
	}
	return ud
}

func snapshot(bufs []*lua.LUserData) []byte {
	var all []byte
	for _, ud := range bufs {
		b, _ := luau.To(ud)
		all = append(all, b...)
		all = append(all, '|')
	}
	return all
}

func call(L *lua.LState, fn lua.LValue, args []lua.LValue) error {
	L.SetTop(0)
	L.Push(fn)
	for _, a := range args {
		L.Push(a)
	}
	return L.PCall(len(args), lua.MultRet, nil)
}

// readerFor maps each fixed-width writer to its reader and to what a value
// must read back as.
var readerFor = map[string]struct {
	reader string
	want   func(v float64) float64
}{
	"writei8":  {"readi8", func(v float64) float64 { return float64(int8(u32(v))) }},
	"writeu8":  {"readu8", func(v float64) float64 { return float64(uint8(u32(v))) }},
	"writei16": {"readi16", func(v float64) float64 { return float64(int16(u32(v))) }},
	"writeu16": {"readu16", func(v float64) float64 { return float64(uint16(u32(v))) }},
	"writei32": {"readi32", func(v float64) float64 { return float64(int32(u32(v))) }},
	"writeu32": {"readu32", func(v float64) float64 { return float64(u32(v)) }},
	"writef32": {"readf32", func(v float64) float64 { return float64(float32(v)) }},
	"writef64": {"readf64", func(v float64) float64 { return v }},
}

// u32 is the reference's U32 rule written independently of the package:
// truncate to int64 (NaN and out of range give INT64_MIN), keep 32 bits.
func u32(v float64) uint32 {
	if v != v || v >= 1<<63 || v < -(1<<63) {
		return 0
	}
	return uint32(int64(v))
}

// checkReadBack reads back what a successful write stored.
func checkReadBack(t *testing.T, L *lua.LState, lib *lua.LTable, name string, args []lua.LValue) {
	t.Helper()
	num := func(i int) (float64, bool) {
		if i >= len(args) {
			return 0, false
		}
		n, ok := args[i].(lua.LNumber)
		return float64(n), ok
	}
	switch name {
	case "writestring":
		s, isStr := args[2].(lua.LString)
		if len(args) != 3 || !isStr {
			return
		}
		got := mustCall(t, L, lib, "readstring", args[0], args[1], lua.LNumber(len(s)))
		if string(got.(lua.LString)) != string(s) {
			t.Fatalf("writestring %q read back %q", s, got)
		}
	case "writebits":
		count, ok1 := num(2)
		v, ok2 := num(3)
		if !ok1 || !ok2 {
			return
		}
		got := float64(mustCall(t, L, lib, "readbits", args[0], args[1], args[2]).(lua.LNumber))
		n := uint(math.Trunc(count))
		want := float64(uint64(u32(v)) & (1<<n - 1))
		if got != want {
			t.Fatalf("writebits(%v) read back %v, want %v", args, got, want)
		}
	default:
		rw, ok := readerFor[name]
		v, isNum := num(2)
		if !ok || !isNum {
			return
		}
		got := float64(mustCall(t, L, lib, rw.reader, args[0], args[1]).(lua.LNumber))
		want := rw.want(v)
		if math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
			t.Fatalf("%s(%v) read back %v, want %v", name, args, got, want)
		}
	}
}

func mustCall(t *testing.T, L *lua.LState, lib *lua.LTable, name string, args ...lua.LValue) lua.LValue {
	t.Helper()
	if err := call(L, lib.RawGetString(name), args); err != nil {
		t.Fatalf("%s%v after a successful write: %v", name, args, err)
	}
	return L.Get(1)
}

// fuzzInput hands out bytes and values derived from them.
type fuzzInput struct {
	data []byte
	pos  int
}

func (in *fuzzInput) done() bool { return in.pos >= len(in.data) }

func (in *fuzzInput) byte() byte {
	if in.done() {
		return 0
	}
	b := in.data[in.pos]
	in.pos++
	return b
}

// specials are the awkward numbers of the conversion rules.
var specials = []float64{
	-1, -0.5, 0.5, 1.9, -3.9, 255.9, 256, 65536, 1 << 31, -(1 << 31), 1<<32 + 1, 1 << 53,
	1 << 63, 1e300, -1e300, math.Inf(1), math.Inf(-1), math.NaN(), 3.4028235677973366e38,
	7.1e-46, 4294967295.5, 1 << 30, 1<<30 + 1, 32, 33, 8, 16,
}

func (in *fuzzInput) value(L *lua.LState, bufs []*lua.LUserData) lua.LValue {
	kind := in.byte()
	switch kind % 12 {
	case 0, 1, 2, 3:
		return lua.LNumber(in.byte() % 48) // small offsets and counts
	case 4:
		return lua.LNumber(-float64(in.byte() % 8))
	case 5:
		return lua.LNumber(specials[int(in.byte())%len(specials)])
	case 6:
		return lua.LNumber(math.Float64frombits(uint64(in.byte())<<56 | uint64(in.byte())<<48 | uint64(in.byte())))
	case 7:
		return bufs[int(in.byte())%len(bufs)]
	case 8:
		strs := []string{"", "abc", "12", " 0x10 ", "2.9", "nan", "inf", "x", "-1", "\x00\xff"}
		return lua.LString(strs[int(in.byte())%len(strs)])
	case 9:
		return lua.LNil
	case 10:
		return lua.LBool(in.byte()%2 == 0)
	default:
		return L.NewTable()
	}
}
