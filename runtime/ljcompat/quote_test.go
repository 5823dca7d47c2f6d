package ljcompat

import "testing"

// The wanted texts are what luajit prints for the same calls (checked with
// the Debian binary: luajit -e 'select(-5, 1)' and so on).
func TestQuoteArgErrors(t *testing.T) {
	for _, tc := range []struct{ give, want string }{
		{"x.lua:1: bad argument #1 to select (index out of range)", "x.lua:1: bad argument #1 to 'select' (index out of range)"},
		{"x.lua:1: bad argument #1 to rawequal (value expected)", "x.lua:1: bad argument #1 to 'rawequal' (value expected)"},
		{"x.lua:1: bad argument #2 to xpcall (function expected, got nil)", "x.lua:1: bad argument #2 to 'xpcall' (function expected, got nil)"},
		{"bad argument #1 to (anonymous) (value expected)", "bad argument #1 to '?' (value expected)"},
		// Already in LuaJIT's words: unchanged.
		{"x.lua:1: bad argument #1 to 'new' (number out of range)", "x.lua:1: bad argument #1 to 'new' (number out of range)"},
		{"x.lua:3: attempt to call a nil value", "x.lua:3: attempt to call a nil value"},
	} {
		if got := QuoteArgErrors(tc.give); got != tc.want {
			t.Errorf("QuoteArgErrors(%q) = %q, want %q", tc.give, got, tc.want)
		}
	}
}
