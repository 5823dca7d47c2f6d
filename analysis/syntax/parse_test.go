package syntax

import "testing"

// TestParseSmoke checks a few whole programs in each dialect parse cleanly
// and that a broken one still yields statements after the error.
func TestParseSmoke(t *testing.T) {
	cases := []struct {
		src     string
		dialect Dialect
		errs    int
	}{
		{"local x = 1; print(x)", DialectLuaJIT, 0},
		{"local x <const> = 1 goto a ::a::", DialectLua54, 0},
		{"local x: number = 1 x += 2 type T = {a: string}", DialectLuau, 0},
		{"local x = buf:\n", DialectLuaJIT, 1},
		{"function f()\n  return 1\n\nlocal y = 2\n", DialectLuaJIT, 2},
	}
	for _, c := range cases {
		f := Parse("t.lua", []byte(c.src), Options{Dialect: c.dialect})
		if len(f.Errors) != c.errs {
			t.Errorf("%q: got %d errors %v, want %d", c.src, len(f.Errors), f.Errors, c.errs)
		}
		if f.Chunk == nil || len(f.Chunk.Stmts) == 0 {
			t.Errorf("%q: empty tree", c.src)
		}
	}
}

func TestIsName(t *testing.T) {
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"x", true}, {"_", true}, {"buf2", true}, {"Buffer_x9", true},
		{"", false}, {"2x", false}, {"a-b", false}, {"é", false}, {"a b", false},
		{"end", false}, {"local", false}, {"goto", false}, {"until", false}, {"nil", false},
		{"End", true}, {"ends", true},
	} {
		if got := IsName(tt.give); got != tt.want {
			t.Errorf("IsName(%q) = %v, want %v", tt.give, got, tt.want)
		}
	}
}
