package serial

import (
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// The encoder and decoder reach into gopher-lua's table fields (ltable.go).
// With the gopher-lua version in go.mod the mirror must match; if an
// upgrade changes the fields, this fails so that ltable is updated (the
// public-API fallback would keep working, only slower).
func TestRawLayoutMatchesGopherLua(t *testing.T) {
	if !rawLayoutOK {
		t.Fatal("ltable no longer mirrors lua.LTable: update ltable.go for this gopher-lua version")
	}
}

// A table the decoder built must behave like one Lua code built: reads,
// pairs/next, length, adding, overwriting and deleting keys, and encoding
// again. Each script gets the same table twice, once decoded and once
// from its constructor, and must print the same thing for both.
func TestDecodedTablesBehaveLikeBuiltOnes(t *testing.T) {
	const value = `{ id = 7, name = "x", tags = { "a", "b" }, [0] = "zero", [2.5] = true, [-1] = 1, 10, 20, 30 }`
	scripts := []string{
		// Sorted dump of all pairs, through next.
		`local ks = {} for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. show(v) end
		 table.sort(ks) return table.concat(ks, " ") .. " #" .. #t .. " #tags" .. #t.tags`,
		// Delete and re-add keys, then walk with next.
		`t.name = nil t.id = nil t.extra = 1 t.id = 8 t[4] = 40 t.tags[3] = "c"
		 local n, ks = 0, {}
		 for k, v in pairs(t) do n = n + 1 ks[#ks + 1] = tostring(k) end
		 table.sort(ks) return n .. " " .. table.concat(ks, ",") .. " " .. #t .. " " .. #t.tags .. " " .. t.tags[3]`,
		// Encoding the changed table again must give what the built one gives.
		`t.name = nil t[2.5] = nil t.new = "n" return enc(t)`,
	}
	for i, script := range scripts {
		got := [2]string{}
		for j, decoded := range []bool{true, false} {
			L := lua.NewState()
			built := evalLua(t, L, value)
			tab := built
			if decoded {
				b, err := AppendLua(nil, built, nil)
				if err != nil {
					t.Fatal(err)
				}
				v, n, err := DecodeLua(L, b, nil)
				if err != nil || n != len(b) {
					t.Fatalf("decode: %v (%d of %d bytes)", err, n, len(b))
				}
				tab = v
			}
			L.SetGlobal("t", tab)
			L.SetGlobal("enc", L.NewFunction(func(L *lua.LState) int {
				b, err := AppendLua(nil, L.Get(1), nil)
				if err != nil {
					L.RaiseError("%v", err)
				}
				// Hash order follows insertion order, which differs between
				// the two tables; compare what decodes back, sorted.
				v, _, err := DecodeLua(L, b, nil)
				if err != nil {
					L.RaiseError("%v", err)
				}
				L.Push(v)
				return 1
			}))
			if err := L.DoString(`
				function show(v)
					if type(v) ~= "table" then return tostring(v) end
					local ks = {} for k, x in pairs(v) do ks[#ks + 1] = tostring(k) .. "=" .. show(x) end
					table.sort(ks) return "{" .. table.concat(ks, " ") .. "}"
				end
				local f = function(t) ` + script + ` end
				result = show(f(t))`); err != nil {
				t.Fatalf("script %d: %v", i, err)
			}
			got[j] = L.GetGlobal("result").String()
			L.Close()
		}
		if got[0] != got[1] {
			t.Errorf("script %d: decoded table gives %q, built table %q", i, got[0], got[1])
		}
	}
}
