package buffer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// tostring may hand the buffer's storage to the string it returns
// (ShareString). Whatever the script does to the buffer, its views and its
// pointers afterwards, no string tostring returned may change. The script
// runs random operations on a buffer holding more than minShare bytes and
// checks every string it got against a copy taken at once (string.rep of
// the first byte cannot alias the buffer).
func TestToStringResultsNeverChange(t *testing.T) {
	ops := []string{
		"b:put('xyz')", "b:reset()", "b:skip(3)", "b:get(2)", "b:free()", "b:set(big)",
		"local p = b:reserve(8); p[0] = 65; b:commit(1)", "local p = b:ref(); if #b > 0 then p[0] = 66 end",
		"b:fill(67, 0, 5)", "b:replace(1, 'QQ')", "b:insert(2, 'ins')", "b:remove(1, 2)", "b:setlen(#b + 4)",
		"v = b:slice(0, 4)", "if v then v:fill(68, 0, 2) end", "b:encode('enc')", "b:put(big)",
		"local p = b:ref(); s = b:tostring(); if #b > 0 then p[0] = 69 end",
	}
	rng := rand.New(rand.NewSource(1))
	for round := range 300 {
		var sb strings.Builder
		sb.WriteString("local buffer = require('string.buffer')\n")
		sb.WriteString(fmt.Sprintf("big = string.rep('a', %d)\n", minShare+100))
		sb.WriteString("b = buffer.new(); b:put(big); v = nil; s = nil\nlocal got = {}\n")
		sb.WriteString("local function take() local str = b:tostring(); got[#got + 1] = {str, str .. ''} end\n")
		for range 12 {
			sb.WriteString("pcall(function() " + ops[rng.Intn(len(ops))] + " end)\n")
			if rng.Intn(2) == 0 {
				sb.WriteString("take()\n")
			}
		}
		sb.WriteString("take()\nif s then got[#got + 1] = {s, s .. ''} end\n")
		sb.WriteString("for i, g in ipairs(got) do if g[1] ~= g[2] then error('tostring result ' .. i .. ' changed') end end\n")
		L := lua.NewState()
		Preload(L)
		if err := L.DoString(sb.String()); err != nil {
			t.Fatalf("round %d: %v\nscript:\n%s", round, err, sb.String())
		}
		L.Close()
	}
}

// A large tostring result shares the storage; the buffer still behaves as
// before: it can be written again, a ref pointer writes into the buffer
// and not into the string, and the next fill reuses the old capacity.
func TestShareStringThenWrite(t *testing.T) {
	b := New(0)
	b.WriteString(strings.Repeat("x", minShare))
	capBefore := cap(b.data)
	s := b.ShareString()
	if len(s) != minShare || !b.borrowed {
		t.Fatalf("large content was not shared: len %d borrowed %v", len(s), b.borrowed)
	}
	b.WriteString("tail")
	if b.String() != strings.Repeat("x", minShare)+"tail" || s != strings.Repeat("x", minShare) {
		t.Fatal("write after ShareString changed the string or lost bytes")
	}
	b.Reset()
	b.WriteString("again")
	if cap(b.data) < capBefore && b.spare == 0 && cap(b.data) < minShare {
		t.Errorf("after Reset the buffer regrows from %d bytes instead of reusing the old capacity %d", cap(b.data), capBefore)
	}
	small := New(0)
	small.WriteString("tiny")
	if small.ShareString(); small.borrowed {
		t.Error("small content should be copied, not shared")
	}
}

// buf:decode on a buffer that borrows a string (set, or after a shared
// tostring) decodes without copying the strings; the values, the bytes
// consumed and the errors are those of a buffer that owns its bytes.
func TestDecodeFromBorrowedString(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	Preload(L)
	err := L.DoString(`
		local buffer = require('string.buffer')
		local function dump(ok, v)
			if not ok then return "error: " .. tostring(v) end
			if type(v) ~= "table" then return tostring(v) end
			local ks = {} for k, x in pairs(v) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(x) end
			table.sort(ks) return table.concat(ks, " ")
		end
		local payloads = {
			buffer.encode({ "a", "bc", x = string.rep("y", 70000), n = 1.5 }) .. buffer.encode("next"),
			buffer.encode("only"),
			string.sub(buffer.encode({ "truncated", "table" }), 1, 9),
			"\255",
		}
		for i, p in ipairs(payloads) do
			local owned = buffer.new():put(p)
			local borrowed = buffer.new():set(p)
			local a = dump(pcall(owned.decode, owned))
			local b = dump(pcall(borrowed.decode, borrowed))
			a = a .. " rest " .. #owned
			b = b .. " rest " .. #borrowed
			if a ~= b then error("payload " .. i .. ": owned " .. a .. ", borrowed " .. b) end
		end`)
	if err != nil {
		t.Fatal(err)
	}
}
