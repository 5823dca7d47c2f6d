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

// Tables with an unbroken array part and only string keys are written in
// one pass (stringKeyed); the bytes must be those of the general, staged
// path, also after deletions (gopher-lua keeps deleted keys in its key
// list), with a dictionary, and at the one-byte count limit. Tables of
// other shapes must be left to the staged path.
func TestOnePassEncodeMatchesStaged(t *testing.T) {
	cases := []struct {
		script  string
		onePass bool
	}{
		{`return {a = 1, b = "x", c = true}`, true},
		{`return {1, 2, 3, name = "n", tags = {"a", "b"}}`, true},
		{`local t = {a = 1, b = 2, c = 3} t.b = nil return t`, true},
		{`local t = {a = 1, b = 2} t.a = nil t.b = nil t.c = 3 t.a = 4 return t`, true},
		{`local t = {1, 2, a = 1} t.a = nil return t`, false},     // every key deleted
		{`local t = {a = 1} t.a = nil return t`, false},           // every key deleted, no array
		{`return {1, 2, 3}`, false},                               // no hash keys
		{`return {[0] = "z", a = 1}`, false},                      // t[0] is a number key
		{`return {a = 1, [2.5] = 2}`, false},                      // a number key
		{`local t = {1, 2, 3, a = 1} t[2] = nil return t`, false}, // a hole in the array
		{`local t = {} for i = 1, 223 do t["k" .. i] = i end return t`, true},
		{`local t = {} for i = 1, 224 do t["k" .. i] = i end return t`, false},
		{`return {id = 1, name = "x", other = 2}`, true}, // with the dict below
	}
	L := lua.NewState()
	defer L.Close()
	dict := L.NewTable()
	for _, k := range []string{"id", "name", "tags"} {
		dict.Append(lua.LString(k))
	}
	opts, err := NewOptions(L, dict, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		v := evalLua(t, L, "(function() "+c.script+" end)()")
		tab, ok := v.(*lua.LTable)
		if !ok {
			t.Fatalf("%s: not a table", c.script)
		}
		for _, o := range []*Options{nil, opts} {
			one := luaEncoder{opts: o}
			got, done, err := one.stringKeyed(nil, raw(tab))
			if err != nil || done != c.onePass {
				t.Fatalf("%s: one pass %v, %v; want %v", c.script, done, err, c.onePass)
			}
			staged := luaEncoder{opts: o}
			want, err := staged.staged(nil, tab, raw(tab))
			if err != nil {
				t.Fatal(err)
			}
			if done && string(got) != string(want) {
				t.Errorf("%s: one pass wrote % x, staged % x", c.script, got, want)
			}
			if !done && len(got) != 0 {
				t.Errorf("%s: declined, but left % x behind", c.script, got)
			}
		}
	}
}
