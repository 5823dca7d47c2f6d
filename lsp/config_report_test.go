package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// TestConfigProblemsAreVisible opens a workspace whose .buflsp.toml has a
// bad key and a value of the wrong type: the file gets one diagnostic per
// problem, the editor one message, the good keys still apply (the rule
// turned off stays off), and fixing the file on disk clears the
// diagnostics. A file that is not TOML at all is reported the same way.
func TestConfigProblemsAreVisible(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".buflsp.toml")
	write := func(text string) {
		if err := os.WriteFile(cfgPath, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("globals = \"ngx\"\ncolour = 1\n[rules]\nunknown-rule = \"off\"\n")
	c := newClient(t, clientOptions{rootURI: string(uri.File(dir)), server: Options{NoWorkspaceScan: true}})
	cfgURI := uri.File(cfgPath)
	c.waitFor("config diagnostics and a message", func() bool {
		return len(c.diags[cfgURI]) > 0 && len(showMessages(c)) > 0
	})
	c.mu.Lock()
	got := c.diags[cfgURI][0].Diagnostics
	c.mu.Unlock()
	if len(got) != 2 || got[0].Range.Start.Line != 0 || !strings.Contains(got[0].Message, "globals: expected an array of strings") ||
		got[1].Range.Start.Line != 1 || !strings.Contains(got[1].Message, `unknown key "colour"`) {
		t.Fatalf("config diagnostics = %+v", got)
	}
	c.mu.Lock()
	msgs := showMessages(c)
	c.mu.Unlock()
	if len(msgs) != 1 || msgs[0].Type != protocol.MessageTypeError || !strings.Contains(msgs[0].Message, "2 problems") {
		t.Fatalf("window/showMessage = %+v", msgs)
	}
	// The rest of the file applies: unknown-rule is off.
	c.open(testURI, "---@diagnostic disable-next-line: no-such-rule\nlocal x = 1\n")
	if d := c.diagnosticsFor(testURI, 1); len(d) != 0 {
		t.Errorf("unknown-rule = off was not applied: %v", d)
	}

	write("[rules\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}})
	c.waitFor("a message about the broken file", func() bool { return len(showMessages(c)) == 2 })
	c.mu.Lock()
	m := showMessages(c)[1].Message
	c.mu.Unlock()
	if !strings.Contains(m, "not valid TOML") {
		t.Errorf("message for a broken file: %q", m)
	}

	write("globals = [\"ngx\"]\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}})
	c.waitFor("cleared config diagnostics", func() bool {
		ds := c.diags[cfgURI]
		return len(ds[len(ds)-1].Diagnostics) == 0
	})
	c.mu.Lock()
	n := len(showMessages(c))
	c.mu.Unlock()
	if n != 2 {
		t.Errorf("%d messages after the fix, want still 2", n)
	}
}

// showMessages returns the window/showMessage notifications received; the
// caller holds c.mu.
func showMessages(c *testClient) []protocol.ShowMessageParams {
	var out []protocol.ShowMessageParams
	for _, n := range c.notes {
		if n.Method == "window/showMessage" {
			var p protocol.ShowMessageParams
			if json.Unmarshal(n.Params, &p) == nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// TestEvalLimitsFromConfigFile: [eval] in .buflsp.toml sets the limits of
// buflsp.evaluate, and the editor's eval settings win over it key by key.
func TestEvalLimitsFromConfigFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".buflsp.toml"), []byte("[eval]\ntimeoutMs = 500\nmemoryMb = 16\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := buildSettings(&userSettings{}, dir, zap.NewNop())
	if st.eval.TimeoutMS != 500 || st.eval.MemoryMB != 16 {
		t.Errorf("from the file: %+v", st.eval)
	}
	st = buildSettings(&userSettings{Eval: &EvalLimits{TimeoutMS: 900}}, dir, zap.NewNop())
	if st.eval.TimeoutMS != 900 || st.eval.MemoryMB != 16 {
		t.Errorf("settings over the file: %+v", st.eval)
	}
}

// TestWrongTypedSettingDropsOnlyThatKey sends settings with values of the
// wrong type: the editor is told which keys were ignored, and the others
// (here the rule turned off) still apply.
func TestWrongTypedSettingDropsOnlyThatKey(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}, initOptions: map[string]any{
		"globals": "ngx",
		"target":  5,
		"rules":   map[string]any{"unknown-rule": "off", "buffer-concat": 3},
	}})
	c.open(testURI, "---@diagnostic disable-next-line: no-such-rule\nlocal x = 1\n")
	if d := c.diagnosticsFor(testURI, 1); len(d) != 0 {
		t.Errorf("unknown-rule = off was dropped with the bad keys: %v", d)
	}
	c.waitFor("a message about the ignored settings", func() bool { return len(showMessages(c)) > 0 })
	c.mu.Lock()
	msgs := showMessages(c)
	c.mu.Unlock()
	m := msgs[0].Message
	if msgs[0].Type != protocol.MessageTypeWarning || !strings.Contains(m, "globals: expected an array of strings, found a string") ||
		!strings.Contains(m, "target: expected a string, found a number") || !strings.Contains(m, "rules.buffer-concat: expected a severity string") {
		t.Errorf("message = %+v", msgs[0])
	}
}

// TestUnknownTargetSettingIsShown sends a target name that is no target:
// the editor is told, with the valid names and the near miss, and files are
// checked as if no target had been set.
func TestUnknownTargetSettingIsShown(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}, initOptions: map[string]any{"target": "lua5.4"}})
	c.open(testURI, "local n = 7 // 2\n")
	if d := c.diagnosticsFor(testURI, 1); len(d) != 1 || d[0].Code != "syntax-error" {
		t.Errorf("with the target ignored the file is luajit, where // is an error: %v", d)
	}
	c.waitFor("a message about the target", func() bool { return len(showMessages(c)) > 0 })
	c.mu.Lock()
	m := showMessages(c)[0].Message
	c.mu.Unlock()
	if !strings.Contains(m, `target: unknown target "lua5.4" (did you mean "lua54"?): expected lua51, lua52, lua53, lua54, luajit, luau or buflsp (ignored)`) {
		t.Errorf("message = %q", m)
	}
}
