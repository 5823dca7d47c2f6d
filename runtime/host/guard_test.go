package host

import (
	"strings"
	"testing"
)

// TestMemoryGuard: with MaxMemory, each function that allocates one block
// of a size the script chooses refuses a size over it, before allocating,
// with LuaJIT's "not enough memory" first; sizes under it work.
func TestMemoryGuard(t *testing.T) {
	const limit = 1 << 20
	for _, tc := range []struct {
		flavor Flavor
		src    string
		want   string // "" for success
	}{
		{FlavorLuaJIT, `return string.rep("ab", 2^20)`, "not enough memory (string.rep asked for 2097152 bytes, over the memory limit of 1 MiB)"},
		{FlavorLuaJIT, `return string.rep("ab", 2^18, ",")`, ""},
		{FlavorLuaJIT, `return ("x"):rep(2^40)`, ""}, // LuaJIT's count conversion: ""
		{FlavorLuaJIT, `local t = {} for i = 1, 3 do t[i] = ("x"):rep(2^19) end return table.concat(t)`, "table.concat asked for"},
		{FlavorLuaJIT, `return buffer.create(2^21)`, "buffer.create asked for 2097152 bytes"},
		{FlavorLuaJIT, `return require("string.buffer").new(2^21)`, "buffer.new asked for"},
		{FlavorLuaJIT, `local b = require("string.buffer").new() b:reserve(2^21)`, "buffer:reserve asked for"},
		{FlavorLuaJIT, `local b = require("string.buffer").new() b:setlen(2^21)`, "buffer:setlen asked for"},
		{FlavorLuaJIT, `local b = require("string.buffer").new(1000) b:reserve(2^10) b:put("x") return b:tostring()`, ""},
		{FlavorLuaJIT, `return io.read(2^40)`, "io.read asked for 1099511627776 bytes"},
		{FlavorLuaJIT, `return io.stdin:read("*l", 2^40)`, "file:read asked for"},
		{FlavorLuaJIT, `io.write("") return io.type(io.stdout)`, ""}, // io functions keep their upvalues
		{FlavorLuau, `return table.create(2^17)`, "table.create asked for 2097152 bytes"},
		{FlavorLuau, `return #table.create(100, 0)`, ""},
		{FlavorLuau, `return string.pack("c1000000c1000000", "", "")`, "string.pack asked for 2000000 bytes"},
		{FlavorLuau, `return string.pack("s4", ("x"):rep(2^20))`, "string.pack asked for 1048580 bytes"},
		{FlavorLuau, `return #string.pack("i4zs1", 7, "abc", "de")`, ""},
		{FlavorLuau, `return string.rep("ab", 2^20)`, "string.rep asked for"},
	} {
		L := NewState(Options{Flavor: tc.flavor, MaxMemory: limit})
		err := L.DoString(tc.src)
		L.Close()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.src, err, tc.want)
		}
	}
}

// TestCoroutineNesting: coroutines nest at most ljcompat.MaxThreadNesting
// deep, whichever way they are entered (create and resume, wrap, a
// suspended one resumed deeper, pcall inside a coroutine), and a refused
// level is a Lua error its resumer sees.
func TestCoroutineNesting(t *testing.T) {
	L := NewState(Options{})
	defer L.Close()
	err := L.DoString(`
local function last(...) local n = select('#', ...) return (select(n, ...)) end
local d = 0
local function nest() d = d + 1 return coroutine.resume(coroutine.create(nest)) end
nest()
assert(d == 200, "create and resume: " .. d)
local function w() return coroutine.wrap(function() return w()() end) end
local ok, msg = pcall(w())
assert(not ok and msg:find("C stack overflow"), "wrap: " .. tostring(msg))
local cs = {}
for i = 1, 300 do
  cs[i] = coroutine.create(function() coroutine.yield() return coroutine.resume(cs[i + 1]) end)
  coroutine.resume(cs[i])
end
assert(last(coroutine.resume(cs[1])) == "C stack overflow", "suspended ones resumed deeper")
local function p() return pcall(p) end
assert(last(coroutine.resume(coroutine.create(p))) == "C stack overflow", "pcall in a coroutine")
local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
assert(co() == 1 and co() == 2 and co() == 3, "an ordinary generator")
`)
	if err != nil {
		t.Fatal(err)
	}
}
