package sandbox

import (
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/host"
)

// TestRenderInline pins the one-line form editors show after "--=".
func TestRenderInline(t *testing.T) {
	L := host.NewState(host.Options{})
	defer L.Close()
	tests := []struct {
		give string // a Lua expression
		want string
	}{
		{`nil`, `nil`},
		{`0.1 + 0.2`, `0.3`},
		{`-(0 * 1)`, `-0`},
		{`"a\nb"`, `"a\nb"`},
		{`string.rep("x", 50)`, `"` + strings.Repeat("x", 40) + `"...`},
		{`{1, 2, x = true, ["end"] = 3}`, `{1, 2, ["end"] = 3, x = true}`},
		{`{1, 2, 3, 4, 5, 6, 7, 8}`, `{1, 2, 3, 4, 5, 6, ...(2 more)}`},
		{`{{1}}`, `{{...}}`},
		{`require("string.buffer").new():put("hi")`, `string.buffer(2) "hi"`},
		{`buffer.create(3)`, `buffer(3) "\x00\x00\x00"`},
		{`(function() local b = require("string.buffer").new():put("abcdef")
			local v = b:slice(1, 3); b:put(string.rep("z", 4096)); return v end)()`, `string.buffer(stale view)`},
	}
	for _, tt := range tests {
		if err := L.DoString("return " + tt.give); err != nil {
			t.Fatalf("%s: %v", tt.give, err)
		}
		v := L.Get(-1)
		L.Pop(1)
		if got := RenderInline(v); got != tt.want {
			t.Errorf("RenderInline(%s) = %s, want %s", tt.give, got, tt.want)
		}
	}
	if got := RenderInline(lua.LString(strings.Repeat("\x00", 500))); len(got) > 100 {
		t.Errorf("a long value renders in %d bytes, want at most 100", len(got))
	}
}
