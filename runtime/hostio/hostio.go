// Package hostio is an example host module written against the buffer host
// API: require("buflsp.io") reads files straight into string.buffer objects
// and writes buffers straight out, with no intermediate Lua string.
//
//	local bio = require("buflsp.io")
//	local f = assert(bio.open("out.bin", "w"))
//	f:write(buf)          -- the buffer's bytes, not copied into a string
//	f:close()
//	local data = bio.readfile("out.bin")   -- a new buffer
package hostio

import (
	"fmt"
	"io"
	"os"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer"
	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// ModuleName is the name the module is required by.
const ModuleName = "buflsp.io"

const fileKey = "buflsp.io.file"

// Preload registers the module for require.
func Preload(L *lua.LState) {
	L.PreloadModule(ModuleName, Loader)
}

// Loader builds the module table.
func Loader(L *lua.LState) int {
	mod := L.NewTable()
	L.SetFuncs(mod, map[string]lua.LGFunction{
		"open":      ioOpen,
		"readfile":  ioReadFile,
		"writefile": ioWriteFile,
	})
	L.Push(mod)
	return 1
}

// file is the userdata behind a file object; f is nil once closed.
type file struct {
	f *os.File
}

func fileMetatable(L *lua.LState) *lua.LTable {
	if mt, ok := L.G.Registry.RawGetString(fileKey).(*lua.LTable); ok {
		return mt
	}
	mt := L.NewTable()
	L.SetFuncs(mt, map[string]lua.LGFunction{
		"read":  fileRead,
		"write": fileWrite,
		"close": fileClose,
	})
	mt.RawSetString("__index", mt)
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		if checkFile(L, 1).f == nil {
			L.Push(lua.LString("buflsp.io file (closed)"))
		} else {
			L.Push(lua.LString("buflsp.io file"))
		}
		return 1
	}))
	L.G.Registry.RawSetString(fileKey, mt)
	return mt
}

func checkFile(L *lua.LState, n int) *file {
	if ud, ok := L.Get(n).(*lua.LUserData); ok {
		if f, ok := ud.Value.(*file); ok {
			return f
		}
	}
	ljcompat.TypeError(L, n, "buflsp.io file")
	return nil
}

func openFile(L *lua.LState, n int) *os.File {
	f := checkFile(L, n)
	if f.f == nil {
		ljcompat.Raise(L, "attempt to use a closed file")
	}
	return f.f
}

// failure returns nil plus a message, the Lua convention for I/O errors.
func failure(L *lua.LState, err error) int {
	L.Push(lua.LNil)
	L.Push(lua.LString(err.Error()))
	return 2
}

// ioOpen opens a file: mode "r" (default), "w" (truncate), "a" (append).
func ioOpen(L *lua.LState) int {
	path := L.CheckString(1)
	mode := L.OptString(2, "r")
	flags := map[string]int{
		"r": os.O_RDONLY,
		"w": os.O_WRONLY | os.O_CREATE | os.O_TRUNC,
		"a": os.O_WRONLY | os.O_CREATE | os.O_APPEND,
	}
	flag, ok := flags[mode]
	if !ok {
		ljcompat.ArgError(L, 2, fmt.Sprintf("invalid mode %q (expected \"r\", \"w\" or \"a\")", mode))
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return failure(L, err)
	}
	ud := L.NewUserData()
	ud.Value = &file{f: f}
	ud.Metatable = fileMetatable(L)
	L.Push(ud)
	return 1
}

// fileRead appends up to n bytes (default: the rest of the file) to buf,
// reading straight into its free space, and returns the number read (0 at
// the end of the file).
func fileRead(L *lua.LState) int {
	f := openFile(L, 1)
	b := buffer.Check(L, 2)
	var r io.Reader = f
	if L.Get(3) != lua.LNil {
		n := L.CheckInt64(3)
		if n < 0 {
			ljcompat.ArgError(L, 3, "number out of range")
		}
		r = io.LimitReader(f, n)
	}
	n, err := b.ReadFrom(r)
	if err != nil {
		return failure(L, err)
	}
	L.Push(lua.LNumber(n))
	return 1
}

// fileWrite writes each argument: a buffer's unread bytes (borrowed, not
// consumed) or a string.
func fileWrite(L *lua.LState) int {
	f := openFile(L, 1)
	for i := 2; i <= L.GetTop(); i++ {
		var err error
		if b := buffer.Test(L, i); b != nil {
			_, err = f.Write(b.Bytes())
		} else {
			_, err = io.WriteString(f, L.CheckString(i))
		}
		if err != nil {
			return failure(L, err)
		}
	}
	L.Push(L.Get(1))
	return 1
}

func fileClose(L *lua.LState) int {
	f := checkFile(L, 1)
	if f.f != nil {
		err := f.f.Close()
		f.f = nil
		if err != nil {
			return failure(L, err)
		}
	}
	L.Push(lua.LTrue)
	return 1
}

// ioReadFile returns a new buffer holding the whole file, or nil and a
// message.
func ioReadFile(L *lua.LState) int {
	f, err := os.Open(L.CheckString(1))
	if err != nil {
		return failure(L, err)
	}
	defer f.Close()
	b := buffer.New(0)
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() < buffer.MaxSize {
		b = buffer.New(int(st.Size()))
	}
	if _, err := b.ReadFrom(f); err != nil {
		return failure(L, err)
	}
	buffer.Push(L, b)
	return 1
}

// ioWriteFile writes a buffer or string to a file, replacing it.
func ioWriteFile(L *lua.LState) int {
	path := L.CheckString(1)
	var data []byte
	if b := buffer.Test(L, 2); b != nil {
		data = b.Bytes()
	} else {
		data = []byte(L.CheckString(2))
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return failure(L, err)
	}
	L.Push(lua.LTrue)
	return 1
}
