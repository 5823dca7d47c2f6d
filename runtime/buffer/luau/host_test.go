package luau_test

import (
	"errors"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// A Go module receives a buffer from Lua, writes into its storage, and Lua
// sees the change: the slice from Check aliases the buffer.
func TestHostCheckSharesStorage(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	luau.Open(L)
	L.SetGlobal("stamp", L.NewFunction(func(L *lua.LState) int {
		data := luau.Check(L, 1)
		copy(data, "GO")
		L.Push(lua.LNumber(len(data)))
		return 1
	}))
	if err := L.DoString(`
		local b = buffer.create(4)
		n = stamp(b)
		s = buffer.tostring(b)
		ok, msg = pcall(function() local r = stamp("x") return r end)`); err != nil {
		t.Fatal(err)
	}
	if n := L.GetGlobal("n"); n != lua.LNumber(4) {
		t.Errorf("stamp returned %v, want 4", n)
	}
	if s := L.GetGlobal("s").String(); s != "GO\x00\x00" {
		t.Errorf("buffer holds %q, want %q", s, "GO\x00\x00")
	}
	msg := L.GetGlobal("msg").String()
	if !strings.HasSuffix(msg, "invalid argument #1 to 'stamp' (buffer expected, got string)") || !strings.Contains(msg, ":5:") {
		t.Errorf("Check error = %q", msg)
	}
}

func TestHostNewAndFromBytes(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	luau.Open(L)
	ud, err := luau.New(L, 3)
	if err != nil {
		t.Fatal(err)
	}
	if data, ok := luau.To(ud); !ok || len(data) != 3 {
		t.Fatalf("To(New(3)) = %v, %v", data, ok)
	}
	src := []byte("abc")
	ud2, err := luau.FromBytes(L, src)
	if err != nil {
		t.Fatal(err)
	}
	src[0] = 'X' // FromBytes copied, so the buffer must not change
	L.SetGlobal("b", ud2)
	if err := L.DoString(`r = buffer.readstring(b, 0, 3) .. tostring(b):sub(1, 10)`); err != nil {
		t.Fatal(err)
	}
	if r := L.GetGlobal("r").String(); r != "abcbuffer: 0x" {
		t.Errorf("got %q", r)
	}
	if _, err := luau.New(L, -1); !errors.Is(err, luau.ErrNegativeSize) {
		t.Errorf("New(-1) error = %v", err)
	}
	if _, err := luau.New(L, luau.MaxSize+1); !errors.Is(err, luau.ErrTooBig) {
		t.Errorf("New(MaxSize+1) error = %v", err)
	}
	if luau.Is(lua.LString("x")) || luau.Is(L.NewUserData()) || !luau.Is(ud) {
		t.Error("Is misclassifies values")
	}
}

// Open makes the global and require("buffer") the same table; Loader makes a
// fresh table; OpenWith lowers the size limit.
func TestOpenAndLoader(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	luau.OpenWith(L, luau.Options{MaxSize: 8})
	L.PreloadModule("luau.buffer2", luau.Loader)
	if err := L.DoString(`
		same = require("buffer") == buffer
		other = require("luau.buffer2")
		distinct = other ~= buffer and other.readu8 ~= nil
		ok8 = pcall(buffer.create, 8)
		ok9, msg9 = pcall(buffer.create, 9)
		okfs, msgfs = pcall(buffer.fromstring, "123456789")
		big = pcall(other.create, 9)`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"same", "distinct", "ok8", "big"} {
		if L.GetGlobal(name) != lua.LTrue {
			t.Errorf("%s is not true", name)
		}
	}
	if L.GetGlobal("ok9") != lua.LFalse || L.GetGlobal("msg9").String() != "memory allocation error: block too big" {
		t.Errorf("create(9) with MaxSize 8: %v %v", L.GetGlobal("ok9"), L.GetGlobal("msg9"))
	}
	if L.GetGlobal("okfs") != lua.LFalse || L.GetGlobal("msgfs").String() != "memory allocation error: block too big" {
		t.Errorf("fromstring of 9 bytes with MaxSize 8: %v %v", L.GetGlobal("okfs"), L.GetGlobal("msgfs"))
	}
	names := luau.Names()
	if len(names) != 28 {
		t.Errorf("Names() has %d entries, want the reference luau's 28 (analysis/api asks the real luau for them)", len(names))
	}
}

// Open works in a state without the package library, where there is no
// require to preload into.
func TestOpenWithoutPackage(t *testing.T) {
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	luau.Open(L)
	if _, ok := L.GetGlobal("buffer").(*lua.LTable); !ok {
		t.Fatal("buffer global missing")
	}
}
