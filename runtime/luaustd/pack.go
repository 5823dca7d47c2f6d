package luaustd

import (
	"fmt"
	"math"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// string.pack, string.unpack and string.packsize, Lua 5.3's binary
// packing as Luau has it: integers are read from and written as doubles.

const maxIntSize = 16

// packState walks a format string.
type packState struct {
	L      *lua.LState
	fn     string
	fmt    string
	i      int
	little bool
	align  int
}

// option kinds.
const (
	kInt = iota
	kUint
	kFloat
	kDouble
	kChar
	kString
	kZstr
	kPadding
	kPaddAlign
	kNop
)

func (p *packState) digit() bool { return p.i < len(p.fmt) && p.fmt[p.i] >= '0' && p.fmt[p.i] <= '9' }

func (p *packState) num(def int) int {
	if !p.digit() {
		return def
	}
	n := 0
	for p.digit() && n < 100000000 {
		n = n*10 + int(p.fmt[p.i]-'0')
		p.i++
	}
	return n
}

func (p *packState) limit(def int) int {
	n := p.num(def)
	if n > maxIntSize || n <= 0 {
		luau.Raise(p.L, fmt.Sprintf("integral size (%d) out of limits [1,%d]", n, maxIntSize))
	}
	return n
}

// next reads one option: its kind and size.
func (p *packState) next() (kind, size int) {
	c := p.fmt[p.i]
	p.i++
	switch c {
	case 'b':
		return kInt, 1
	case 'B':
		return kUint, 1
	case 'h':
		return kInt, 2
	case 'H':
		return kUint, 2
	case 'l':
		return kInt, 8
	case 'L', 'T':
		return kUint, 8
	case 'j':
		return kInt, 4 // Luau's lua_Integer is a C int
	case 'J':
		return kUint, 4
	case 'f':
		return kFloat, 4
	case 'd', 'n':
		return kDouble, 8
	case 'i':
		return kInt, p.limit(4)
	case 'I':
		return kUint, p.limit(4)
	case 's':
		return kString, p.limit(8)
	case 'c':
		n := p.num(-1)
		if n == -1 {
			luau.Raise(p.L, "missing size for format option 'c'")
		}
		return kChar, n
	case 'z':
		return kZstr, 0
	case 'x':
		return kPadding, 1
	case 'X':
		return kPaddAlign, 0
	case ' ':
	case '<':
		p.little = true
	case '>':
		p.little = false
	case '=':
		p.little = true
	case '!':
		p.align = p.limit(8)
	default:
		luau.Raise(p.L, fmt.Sprintf("invalid format option '%c'", c))
	}
	return kNop, 0
}

// option reads an option with the padding its alignment needs at offset
// total.
func (p *packState) option(total int) (kind, size, pad int) {
	kind, size = p.next()
	align := size
	if kind == kPaddAlign {
		if p.i >= len(p.fmt) {
			luau.Raise(p.L, "invalid next option for option 'X'")
		}
		save := p.i
		k, s := p.next()
		p.i = save + 1
		if k == kChar || s == 0 {
			luau.Raise(p.L, "invalid next option for option 'X'")
		}
		align = s
	}
	if align <= 1 || kind == kChar {
		return kind, size, 0
	}
	if align > p.align {
		align = p.align
	}
	if align&(align-1) != 0 {
		luau.Raise(p.L, "format asks for alignment not power of 2")
	}
	return kind, size, (align - total&(align-1)) & (align - 1)
}

func (p *packState) putInt(b []byte, v uint64, size int) []byte {
	buf := make([]byte, size)
	for i := 0; i < size; i++ {
		shift := uint(8 * i)
		var byt byte
		if i < 8 {
			byt = byte(v >> shift)
		} else if int64(v) < 0 {
			byt = 0xff
		}
		if p.little {
			buf[i] = byt
		} else {
			buf[size-1-i] = byt
		}
	}
	return append(b, buf...)
}

func strPack(L *lua.LState) int {
	p := &packState{L: L, fn: "pack", fmt: luau.CheckString(L, 1, "pack"), little: true, align: 1}
	// One block of the final size: a result grown by append is copied
	// at each doubling, and a copy of hundreds of megabytes cannot be
	// interrupted (the memory watch of `buflsp run` would wait for it).
	out := make([]byte, 0, int(min(PackLength(L), 1<<31)))
	arg := 1
	for p.i < len(p.fmt) {
		kind, size, pad := p.option(len(out))
		out = append(out, make([]byte, pad)...)
		switch kind {
		case kInt, kUint:
			arg++
			v := luau.CheckNumber(L, arg, "pack")
			iv := int64(v)
			if v >= 1<<63 {
				iv = int64(uint64(v))
			}
			if size < 8 {
				lim := int64(1) << uint(size*8-1)
				if kind == kInt && (iv < -lim || iv >= lim) || kind == kUint && uint64(iv) >= uint64(lim)*2 {
					luau.ArgError(L, arg, "pack", "integer overflow")
				}
			}
			out = p.putInt(out, uint64(iv), size)
		case kFloat:
			arg++
			out = p.putInt(out, uint64(math.Float32bits(float32(luau.CheckNumber(L, arg, "pack")))), 4)
		case kDouble:
			arg++
			out = p.putInt(out, math.Float64bits(luau.CheckNumber(L, arg, "pack")), 8)
		case kChar:
			arg++
			s := luau.CheckString(L, arg, "pack")
			if len(s) > size {
				luau.ArgError(L, arg, "pack", "string longer than given size")
			}
			out = append(out, s...)
			out = append(out, make([]byte, size-len(s))...)
		case kString:
			arg++
			s := luau.CheckString(L, arg, "pack")
			if size < 8 && len(s) >= 1<<uint(size*8) {
				luau.ArgError(L, arg, "pack", "string length does not fit in given size")
			}
			out = p.putInt(out, uint64(len(s)), size)
			out = append(out, s...)
		case kZstr:
			arg++
			s := luau.CheckString(L, arg, "pack")
			if strings.IndexByte(s, 0) >= 0 {
				luau.ArgError(L, arg, "pack", "string contains zeros")
			}
			out = append(append(out, s...), 0)
		case kPadding:
			out = append(out, 0)
		}
	}
	L.Push(lua.LString(out))
	return 1
}

// PackLength is the length of the string string.pack(fmt, ...) builds from
// the arguments on L's stack, or 0 when the format or an argument is not
// what pack accepts (pack then raises its own error). It reads the format
// as pack does, with the strings' own lengths for s and z options.
func PackLength(L *lua.LState) float64 {
	f, ok := L.Get(1).(lua.LString)
	if !ok {
		return 0
	}
	p := &packState{L: L, fn: "pack", fmt: string(f), little: true, align: 1}
	total, arg := 0.0, 1
	for p.i < len(p.fmt) {
		kind, size, pad := p.option(int(min(total, 1<<40)))
		total += float64(pad + size)
		if kind != kPadding && kind != kPaddAlign && kind != kNop {
			arg++
		}
		if kind == kString || kind == kZstr {
			s, ok := L.Get(arg).(lua.LString)
			if !ok {
				return 0
			}
			total += float64(len(s))
			if kind == kZstr {
				total++
			}
		}
	}
	return total
}

func strPackSize(L *lua.LState) int {
	p := &packState{L: L, fn: "packsize", fmt: luau.CheckString(L, 1, "packsize"), little: true, align: 1}
	total := 0
	for p.i < len(p.fmt) {
		kind, size, pad := p.option(total)
		if kind == kString || kind == kZstr {
			luau.ArgError(L, 1, "packsize", "variable-length format")
		}
		total += pad + size
	}
	L.Push(lua.LNumber(total))
	return 1
}

func strUnpack(L *lua.LState) int {
	p := &packState{L: L, fn: "unpack", fmt: luau.CheckString(L, 1, "unpack"), little: true, align: 1}
	data := luau.CheckString(L, 2, "unpack")
	pos := position(optInt(L, 3, "unpack", 1), len(data)) - 1
	if pos < 0 || pos > len(data) {
		luau.ArgError(L, 3, "unpack", "initial position out of string")
	}
	n := 0
	for p.i < len(p.fmt) {
		kind, size, pad := p.option(pos)
		if pad+size > len(data)-pos && kind != kNop && kind != kPaddAlign {
			luau.ArgError(L, 2, "unpack", "data string too short")
		}
		pos += pad
		read := func() uint64 {
			var v uint64
			for i := 0; i < size && i < 8; i++ {
				var byt byte
				if p.little {
					byt = data[pos+i]
				} else {
					byt = data[pos+size-1-i]
				}
				v |= uint64(byt) << uint(8*i)
			}
			return v
		}
		switch kind {
		case kInt, kUint:
			v := read()
			if kind == kInt && size < 8 {
				shift := uint(64 - 8*size)
				v = uint64(int64(v<<shift) >> shift)
			}
			if kind == kInt || size >= 8 {
				L.Push(lua.LNumber(float64(int64(v))))
			} else {
				L.Push(lua.LNumber(float64(v)))
			}
			n++
		case kFloat:
			L.Push(lua.LNumber(math.Float32frombits(uint32(read()))))
			n++
		case kDouble:
			L.Push(lua.LNumber(math.Float64frombits(read())))
			n++
		case kChar:
			L.Push(lua.LString(data[pos : pos+size]))
			n++
		case kString:
			l := int(read())
			if l > len(data)-pos-size {
				luau.ArgError(L, 2, "unpack", "data string too short")
			}
			L.Push(lua.LString(data[pos+size : pos+size+l]))
			pos += l
			n++
		case kZstr:
			e := strings.IndexByte(data[pos:], 0)
			if e < 0 {
				luau.ArgError(L, 2, "unpack", "unfinished string for format 'z'")
			}
			L.Push(lua.LString(data[pos : pos+e]))
			pos += e + 1
			n++
		}
		pos += size
	}
	L.Push(lua.LNumber(pos + 1))
	return n + 1
}
